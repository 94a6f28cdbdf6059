import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, expectOneAudit } from '../../test/records.ts';
import {
  t,
  theCase,
  closedCase,
  person,
  coordinator,
  forum,
  RISK_TEXT,
  JUDGEMENT,
  RISK_FACTOR,
  type Assessment,
  type List,
  caller,
  url,
  fieldsOf,
  rowOf,
  caseRow,
  eventsOf,
  assessmentCount,
  content,
  useAssessmentsFixtures,
} from './assessments.fixtures.ts';

useAssessmentsFixtures();

describe(`360° assessments (${testEngine})`, () => {
  let first: Assessment;

  it('answers an empty list before any assessment, and audits the read', async () => {
    const res = await caller('coordinator').get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: theCase.id, items: [] });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => [r.action, r.subject_person_id])).toEqual([['read', person.id]]);
  });

  it('starts a draft (201) with an event and audit entries; a second start returns it (200)', async () => {
    const res = await caller('coordinator').post(url(), {});
    expect(res.statusCode).toBe(201);
    first = (res.json() as { id: string; assessment: Assessment }).assessment;
    expect(first).toMatchObject({
      number: 1,
      status: 'draft',
      basedOnId: null,
      version: 1,
      concernLevel: null,
      riskFactors: [],
      overallJudgement: null,
      createdBy: { id: coordinator.id },
    });
    expect(Object.keys(first.dimensions)).toHaveLength(9);
    await expectOneAudit(t.database.db, res, {
      action: 'create',
      resource_type: 'case_assessment',
      resource_id: first.id,
      subject_person_id: person.id,
      actor_user_id: coordinator.id,
    });
    expect(await eventsOf('assessment_started')).toHaveLength(1);

    const again = await caller('forum').post(url(), {});
    expect(again.statusCode).toBe(200);
    expect((again.json() as { assessment: Assessment }).assessment.id).toBe(first.id);
    expect(await assessmentCount()).toBe(1);
    expect(await eventsOf('assessment_started')).toHaveLength(1);
  });

  it('edits the draft with optimistic locking; an event and audit entries naming fields only', async () => {
    const res = await caller('forum').put(url(`/${first.id}`), { version: 1, ...content });
    expect(res.statusCode).toBe(200);
    const saved = (res.json() as { assessment: Assessment }).assessment;
    expect(saved).toMatchObject({
      version: 2,
      status: 'draft',
      riskFactors: [RISK_FACTOR],
      overallJudgement: JUDGEMENT,
      concernLevel: 'moderate',
      followUpIntervalDays: 30,
    });
    expect(saved.dimensions.violence).toEqual(content.dimensions.violence);
    expect(saved.dimensions.personality).toEqual({ risk: null, wellbeing: null });
    // Two events (the ordinary fields; the compartment's, compartmented), each with its audit.
    const entries = await auditRowsOf(t.database.db, res);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        action: 'update',
        resource_type: 'case_assessment',
        resource_id: first.id,
        actor_user_id: forum.id,
      });
    }
    const details = JSON.stringify(entries.map((e) => e.details));
    expect(details).toContain('violence.risk');
    expect(details).toContain('violence.wellbeing');
    expect(details).not.toContain(RISK_TEXT);
    expect(details).not.toContain(JUDGEMENT);
    expect(await eventsOf('assessment_updated')).toHaveLength(2);

    const stale = await caller('coordinator').put(url(`/${first.id}`), {
      version: 1,
      resources: 'Overskrevet',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { meta: { currentVersion: number } } }).error.meta).toEqual({
      currentVersion: 2,
    });
    expect((await rowOf(first.id)).resources).toBe(content.resources);
    expect(await eventsOf('assessment_updated')).toHaveLength(2);
  });

  it('validates lengths and lists, storing nothing', async () => {
    const before = await rowOf(first.id);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ overallJudgement: 'a'.repeat(8001) }, /^body\.overallJudgement:/],
      [{ resources: 'a'.repeat(4001) }, /^body\.resources:/],
      [{ riskFactors: Array.from({ length: 31 }, (_, i) => `F${i}`) }, /^body\.riskFactors:/],
      [{ protectiveFactors: ['  '] }, /^body\.protectiveFactors\.0:/],
      [{ protectiveFactors: ['a'.repeat(501)] }, /^body\.protectiveFactors\.0:/],
      [{ dimensions: { violence: { risk: 'a'.repeat(4001) } } }, /^body\.dimensions\.violence/],
      [{ dimensions: { ideology: { risk: 'x' } } }, /^body\.dimensions/],
      [{ concernLevel: 'extreme' }, /^body\.concernLevel:/],
      [{ followUpIntervalDays: 3 }, /^body\.followUpIntervalDays:/],
      [{ score: 7 }, /^body/],
    ];
    for (const [body, field] of cases) {
      const res = await caller('coordinator').put(url(`/${first.id}`), {
        version: before.version,
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(fieldsOf(res)[0]).toMatch(field);
    }
    expect(await rowOf(first.id)).toEqual(before);
  });

  it('finalise needs an overall judgement and a concern level (400, nothing stored)', async () => {
    const cleared = await caller('coordinator').put(url(`/${first.id}`), {
      ...content,
      version: 2,
      overallJudgement: '   ',
      concernLevel: null,
    });
    expect(cleared.statusCode).toBe(200);
    const before = await rowOf(first.id);
    expect(before.overall_judgement).toBeNull();
    const res = await caller('coordinator').post(url(`/${first.id}/finalise`), {
      version: before.version,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual([
      'body.concernLevel:required_to_finalise',
      'body.overallJudgement:required_to_finalise',
    ]);
    expect(await rowOf(first.id)).toEqual(before);
    expect((await caseRow()).concern_level).toBeNull();
    expect(await eventsOf('assessment_finalised')).toHaveLength(0);
  });

  it('finalises: the case takes the concern level (its version unchanged), with event and audit', async () => {
    const put = await caller('coordinator').put(url(`/${first.id}`), { ...content, version: 3 });
    expect(put.statusCode).toBe(200);
    const caseBefore = await caseRow();
    const stale = await caller('coordinator').post(url(`/${first.id}/finalise`), { version: 3 });
    expect(stale.statusCode).toBe(409);
    expect((await rowOf(first.id)).status).toBe('draft');

    const res = await caller('coordinator').post(url(`/${first.id}/finalise`), { version: 4 });
    expect(res.statusCode).toBe(200);
    const final = (res.json() as { assessment: Assessment }).assessment;
    expect(final).toMatchObject({
      status: 'final',
      version: 5,
      finalisedBy: { id: coordinator.id },
    });
    expect(final.finalisedAt).not.toBeNull();
    const caseAfter = await caseRow();
    expect(caseAfter.concern_level).toBe('moderate');
    expect(caseAfter.version).toBe(caseBefore.version);
    expect(caseAfter.updated_at.getTime()).toBeGreaterThanOrEqual(caseBefore.updated_at.getTime());
    const events = await eventsOf('assessment_finalised');
    expect(events).toHaveLength(1);
    expect(events[0]?.changes).toEqual({ concernLevel: { from: null, to: 'moderate' } });
    await expectOneAudit(t.database.db, res, {
      action: 'update',
      resource_type: 'case_assessment',
      resource_id: first.id,
      subject_person_id: person.id,
    });
  });

  it('a final assessment cannot be edited or finalised again (400 assessment_final, unchanged)', async () => {
    const before = await rowOf(first.id);
    const edit = await caller('coordinator').put(url(`/${first.id}`), {
      ...content,
      version: before.version,
      resources: 'Ændret efter afslutning',
    });
    expect(edit.statusCode).toBe(400);
    expect(fieldsOf(edit)).toEqual(['assessment.status:assessment_final']);
    const again = await caller('coordinator').post(url(`/${first.id}/finalise`), {
      version: before.version,
    });
    expect(fieldsOf(again)).toEqual(['assessment.status:assessment_final']);
    expect(await rowOf(first.id)).toEqual(before);
  });

  it('a new version starts from the previous final one; finalising it supersedes that one', async () => {
    const res = await caller('forum').post(url(), {});
    expect(res.statusCode).toBe(201);
    const second = (res.json() as { assessment: Assessment }).assessment;
    expect(second).toMatchObject({
      number: 2,
      status: 'draft',
      basedOnId: first.id,
      version: 1,
      riskFactors: [RISK_FACTOR],
      protectiveFactors: content.protectiveFactors,
      overallJudgement: JUDGEMENT,
      concernLevel: 'moderate',
      resources: content.resources,
      followUpIntervalDays: 30,
      createdBy: { id: forum.id },
      finalisedBy: null,
      finalisedAt: null,
    });
    expect(second.dimensions.violence).toEqual(content.dimensions.violence);

    const put = await caller('forum').put(url(`/${second.id}`), {
      ...content,
      version: 1,
      concernLevel: 'high',
    });
    expect(put.statusCode).toBe(200);
    const fin = await caller('forum').post(url(`/${second.id}/finalise`), { version: 2 });
    expect(fin.statusCode).toBe(200);
    expect((await rowOf(first.id)).status).toBe('superseded');
    expect((await rowOf(second.id)).status).toBe('final');
    expect((await caseRow()).concern_level).toBe('high');
    const events = await eventsOf('assessment_finalised');
    expect(events.at(-1)?.changes).toEqual({ concernLevel: { from: 'moderate', to: 'high' } });

    const superseded = await caller('coordinator').put(url(`/${first.id}`), {
      ...content,
      version: (await rowOf(first.id)).version,
    });
    expect(fieldsOf(superseded)).toEqual(['assessment.status:assessment_final']);

    const list = (await caller('coordinator').get(url())).json() as List;
    expect(list.items.map((i) => [i.number, i.status])).toEqual([
      [2, 'final'],
      [1, 'superseded'],
    ]);
    expect(list.items[1]?.finalisedBy?.id).toBe(coordinator.id);
    expect(list.items[0]?.overallJudgement).toBe(JUDGEMENT);
  });

  it('a plain member reads without the risk lens and may not write (403, nothing stored)', async () => {
    const res = await caller('member').get(url());
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(RISK_TEXT);
    expect(res.body).not.toContain(JUDGEMENT);
    expect(res.body).not.toContain(RISK_FACTOR);
    const list = res.json() as List;
    const latest = list.items[0];
    expect(latest).toBeDefined();
    expect(latest && 'overallJudgement' in latest).toBe(false);
    expect(latest && 'riskFactors' in latest).toBe(false);
    expect(latest && 'risk' in (latest.dimensions.violence ?? {})).toBe(false);
    expect(latest?.dimensions.violence?.wellbeing).toBe(content.dimensions.violence.wellbeing);
    expect(latest?.protectiveFactors).toEqual(content.protectiveFactors);
    expect(latest?.concernLevel).toBe('high');
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => [r.action, r.subject_person_id])).toEqual([['read', person.id]]);

    const count = await assessmentCount();
    const start = await caller('member').post(url(), {});
    expect(start.statusCode).toBe(403);
    expect(await assessmentCount()).toBe(count);
    const latestId = latest?.id ?? '';
    const before = await rowOf(latestId);
    expect(
      (await caller('member').put(url(`/${latestId}`), { ...content, version: before.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await caller('member').post(url(`/${latestId}/finalise`), { version: before.version }))
        .statusCode,
    ).toBe(403);
    expect(await rowOf(latestId)).toEqual(before);
  });

  it('a break-the-glass reader reads everything but may not write', async () => {
    const res = await caller('breaker').get(url());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(JUDGEMENT);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({ action: 'read', break_glass: true });
    const count = await assessmentCount();
    expect((await caller('breaker').post(url(), {})).statusCode).toBe(403);
    expect(await assessmentCount()).toBe(count);
  });

  it('mentors (intervention scope) get 403; non-members 404 as for a missing case', async () => {
    const count = await assessmentCount();
    expect((await caller('mentor').get(url())).statusCode).toBe(403);
    expect((await caller('mentor').post(url(), {})).statusCode).toBe(403);
    expect((await caller('outsider').get(url())).statusCode).toBe(404);
    expect((await caller('outsider').post(url(), {})).statusCode).toBe(404);
    const missing = '00000000-0000-4000-8000-00000000dead';
    expect((await caller('coordinator').get(url('', missing))).statusCode).toBe(404);
    expect((await caller('coordinator').post(url('', missing), {})).statusCode).toBe(404);
    expect(
      (
        await caller('coordinator').post(url(`/${missing}/finalise`), {
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(await assessmentCount()).toBe(count);
  });

  it('a closed case takes no new assessment', async () => {
    const res = await caller('coordinator').post(url('', closedCase.id), {});
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['case.status:case_closed']);
    expect(await assessmentCount(closedCase.id)).toBe(0);
  });
});
