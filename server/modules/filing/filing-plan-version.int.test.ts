import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { fieldsOf } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import { caller, coordinator, richCase, t } from '../closure/closure.fixtures.ts';
import { useFilingFixtures } from './filing.fixtures.ts';
import type { FilingExport, FilingList } from './schema.ts';

/**
 * Any version of the plan can be exported and filed (issue 12 part 9): the filing export and the
 * plan PDF take the version's id, the case's filings list every version to choose from, and a
 * version the case does not have (none, or another case's) is refused with a Danish message on
 * the field, the same for both.
 */
useFilingFixtures();

/** A case with plan version 1 (approved, from richCase) and a draft version 2. */
async function caseWithTwoPlans() {
  const c = await richCase();
  const db = t.database.db;
  await db
    .insertInto('case_plans')
    .values({
      case_id: c.id,
      number: 2,
      status: 'draft',
      purpose: 'Ny plan: fritidsjob og fodbold',
      goals: JSON.stringify([]),
      agreements: JSON.stringify([]),
      created_by: coordinator.id,
    })
    .execute();
  const plans = await db
    .selectFrom('case_plans')
    .select(['id', 'number'])
    .where('case_id', '=', c.id)
    .orderBy('number')
    .execute();
  const [first, second] = plans.map((p) => p.id);
  if (!first || !second) throw new Error('plans');
  return { caseId: c.id, reference: c.reference, first, second };
}

const exportUrl = (caseId: string, query: string) => `/api/cases/${caseId}/filing-export?${query}`;

describe(`exporting and filing any plan version (${testEngine})`, () => {
  it('exports the version named, lists every version to choose from, and files it', async () => {
    const c = await caseWithTwoPlans();
    const list = (
      await caller('coordinator').get(`/api/cases/${c.caseId}/filings`)
    ).json() as FilingList;
    expect(list.documents.map((d) => [d.kind, d.version, d.planId])).toEqual([
      ['case-summary', danishToday(new Date()), null],
      ['plan', '2', c.second],
      ['plan', '1', c.first],
    ]);

    for (const [planId, number, purpose] of [
      [c.first, '1', 'Fastholde skolegang'],
      [c.second, '2', 'Ny plan: fritidsjob og fodbold'],
    ] as const) {
      const res = await caller('coordinator').get(
        exportUrl(c.caseId, `document=plan&planId=${planId}`),
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as FilingExport;
      expect(body.document).toMatchObject({
        kind: 'plan',
        version: number,
        title: `Handleplan, version ${number}`,
        fileName: `handleplan-${c.reference}-v${number}.pdf`,
      });
      const text = await pdfText(Buffer.from(body.document.contentBase64, 'base64'));
      expect(text).toContain(purpose);
    }
    // Without a version: the newest approved, as before.
    const current = (
      await caller('coordinator').get(exportUrl(c.caseId, 'document=plan'))
    ).json() as FilingExport;
    expect(current.document.version).toBe('1');

    const filed = await caller('coordinator').post(`/api/cases/${c.caseId}/filings`, {
      document: 'plan',
      documentVersion: '2',
      journalNumber: 'SAG 12/3456',
      filedOn: danishToday(new Date()),
    });
    expect(filed.statusCode, filed.body).toBe(201);
  });

  it('refuses a version the case does not have, or a version for the summary, with a Danish message on the field', async () => {
    const c = await caseWithTwoPlans();
    const other = await caseWithTwoPlans();
    const auditBefore = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const planId of [randomUUID(), other.first]) {
      for (const url of [
        exportUrl(c.caseId, `document=plan&planId=${planId}`),
        `/api/cases/${c.caseId}/plan.pdf?planId=${planId}`,
      ]) {
        const res = await caller('coordinator').get(url);
        expect(res.statusCode, url).toBe(400);
        expect(fieldsOf(res), url).toEqual(['query.planId:plan_version_unknown']);
        expect(res.body).toContain('Sagen har ikke den version af handleplanen');
      }
    }
    const summary = await caller('coordinator').get(
      exportUrl(c.caseId, `document=case-summary&planId=${c.first}`),
    );
    expect(summary.statusCode).toBe(400);
    expect(fieldsOf(summary)).toEqual(['query.planId:plan_version_not_for_document']);
    expect(summary.body).toContain('kun vælges, når dokumentet er handleplanen');
    const malformed = await caller('coordinator').get(
      exportUrl(c.caseId, 'document=plan&planId=1'),
    );
    expect(malformed.statusCode).toBe(400);
    // Nothing was read, so nothing was audited.
    const auditAfter = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });
});
