import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, snapshot } from '../../test/access-matrix.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { auditRowsOf, fieldsOf, type Client } from '../../test/records.ts';

/**
 * The child's own view in the assessment (issue 12 part 8): a case whose citizen is under 18
 * records the child's own views and how the child was involved, saved like the other texts
 * (versioned, an `assessment_updated` event, audit entries naming the fields, never the text)
 * and printed in the case summary; for an adult the API refuses them on the field in Danish and
 * stores nothing, and the fields are not offered.
 */
let t: TestApp;
const as: Record<string, Client> = {};
let childCase: { id: string };
let adultCase: { id: string };

const VIEW = 'Barnet siger, at det helst vil blive i sin klasse.';
const INVOLVEMENT = 'Samtale med barnet på skolen med en bisidder til stede.';
const thisYear = new Date().getFullYear();

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const child = await createTeamCase(db, ['coordinator']);
  const adult = await createTeamCase(db, ['coordinator']);
  await db
    .updateTable('persons')
    .set({ birth_date: `${thisYear - 14}-01-01` })
    .where('id', '=', child.person.id)
    .execute();
  await db
    .updateTable('persons')
    .set({ birth_date: `${thisYear - 30}-01-01` })
    .where('id', '=', adult.person.id)
    .execute();
  childCase = child.theCase;
  adultCase = adult.theCase;
  await logInAll(t, { child: child.users.coordinator, adult: adult.users.coordinator }, as);
});
afterAll(() => t.close());

interface Saved {
  id: string;
  version: number;
  aboutChild: boolean;
  childView: string | null;
  childInvolvement: string | null;
}
const url = (caseId: string, path = '') => `/api/cases/${caseId}/assessments${path}`;

async function startDraft(who: 'child' | 'adult', caseId: string): Promise<Saved> {
  const res = await callerIn(as, who).post(url(caseId), {});
  expect(res.statusCode).toBe(201);
  return (res.json() as { assessment: Saved }).assessment;
}

describe(`the child's own view in the assessment (${testEngine})`, () => {
  it("saves a child's own view and involvement, audited by field name only, and prints them", async () => {
    const draft = await startDraft('child', childCase.id);
    expect(draft).toMatchObject({ aboutChild: true, childView: null, childInvolvement: null });

    const res = await callerIn(as, 'child').put(url(childCase.id, `/${draft.id}`), {
      version: draft.version,
      childView: VIEW,
      childInvolvement: INVOLVEMENT,
      overallJudgement: 'Samlet vurdering.',
      concernLevel: 'low',
    });
    expect(res.statusCode).toBe(200);
    const saved = (res.json() as { assessment: Saved }).assessment;
    expect(saved).toMatchObject({
      version: draft.version + 1,
      aboutChild: true,
      childView: VIEW,
      childInvolvement: INVOLVEMENT,
    });
    // Two events: the ordinary fields, and the overall judgement's (compartmented), each audited.
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(2);
    for (const row of audit) {
      expect(row).toMatchObject({
        action: 'update',
        resource_type: 'case_assessment',
        resource_id: draft.id,
      });
    }
    const details = JSON.stringify(audit.map((row) => row.details));
    expect(details).toContain('childView');
    expect(details).toContain('childInvolvement');
    expect(details).not.toContain(VIEW);

    const finalised = await callerIn(as, 'child').post(url(childCase.id, `/${draft.id}/finalise`), {
      version: saved.version,
    });
    expect(finalised.statusCode).toBe(200);

    const chronology = await callerIn(as, 'child').get(`/api/cases/${childCase.id}/chronology`);
    const kinds = (chronology.json() as { items: { kind: string }[] }).items.map((e) => e.kind);
    expect(kinds).toContain('assessment_updated');

    const pdf = await callerIn(as, 'child').get(`/api/cases/${childCase.id}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain(`Barnets egne synspunkter: ${VIEW}`);
    expect(text).toContain(`Hvordan barnet er inddraget: ${INVOLVEMENT}`);
    expect(text).toContain('Udredning redigeret');
  });

  it("carries the child's view into the next draft, which reads it back", async () => {
    const next = await startDraft('child', childCase.id);
    expect(next).toMatchObject({
      aboutChild: true,
      childView: VIEW,
      childInvolvement: INVOLVEMENT,
    });
    const list = await callerIn(as, 'child').get(url(childCase.id));
    const items = (list.json() as { items: Saved[] }).items;
    expect(items.map((a) => [a.aboutChild, a.childView])).toEqual([
      [true, VIEW],
      [true, VIEW],
    ]);
  });

  it("refuses the child's fields for an adult in Danish on the field, storing nothing", async () => {
    const draft = await startDraft('adult', adultCase.id);
    expect(draft.aboutChild).toBe(false);
    const before = await snapshot(t.database.db);
    const res = await callerIn(as, 'adult').put(url(adultCase.id, `/${draft.id}`), {
      version: draft.version,
      resources: 'God til fodbold.',
      childView: VIEW,
      childInvolvement: INVOLVEMENT,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'body.childView:child_only',
      'body.childInvolvement:child_only',
    ]);
    const messages = (res.json() as { error: { fields: { message: string }[] } }).error.fields;
    expect(messages[0]?.message).toMatch(/kun til en udredning om et barn/);
    expect(changedTables(before, await snapshot(t.database.db))).toEqual([]);

    // Without them the adult's assessment saves and finalises; its summary has no child's lines.
    const ok = await callerIn(as, 'adult').put(url(adultCase.id, `/${draft.id}`), {
      version: draft.version,
      resources: 'God til fodbold.',
      childView: '  ',
      overallJudgement: 'Voksen-vurdering.',
      concernLevel: 'low',
    });
    expect(ok.statusCode).toBe(200);
    const done = await callerIn(as, 'adult').post(url(adultCase.id, `/${draft.id}/finalise`), {
      version: draft.version + 1,
    });
    expect(done.statusCode).toBe(200);
    const pdf = await callerIn(as, 'adult').get(`/api/cases/${adultCase.id}/summary.pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Voksen-vurdering.');
    expect(text).not.toContain('Barnets egne synspunkter');
    expect(text).not.toContain('Hvordan barnet er inddraget');
  });
});
