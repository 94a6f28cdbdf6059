import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseKey } from '../../platform/context.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { client, createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';
import { selectAssessments } from '../assessments/queries.ts';
import { openInterventionIds } from '../case-interventions/closing.ts';
import { caseClosures, caseReviews } from '../closure/queries.ts';
import { followUpRows } from '../follow-ups/queries.ts';
import { planRow, planRows, saveDraft } from '../plans/queries.ts';
import { lockCase } from './case-work.ts';
import { casePersonIds } from './chronology.ts';
import { loadCase } from './queries.ts';

/**
 * The tenant key in case work's queries (db/migrations/0015, docs/SECURITY.md): a row of another
 * municipality, whose id the caller knows, is neither read nor changed through these modules —
 * not through the routes (404 as for any id), and not through their queries even when a coding
 * mistake paired the right case id with the caller's own municipality.
 */
let t: TestApp;
let ownCase: { id: string };
let otherCase: { id: string };
let otherPlanId: string;
let otherAssessmentId: string;
let own: Client;
let other: Client;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const ownCoordinator = await createUser(db, { roles: ['coordinator'], municipalityCode: '101' });
  const otherCoordinator = await createUser(db, {
    roles: ['coordinator'],
    municipalityCode: '147',
  });
  ownCase = await createCase(db, {
    persons: [{ id: (await createPerson(db)).id }],
    members: [{ userId: ownCoordinator.id, role: 'coordinator' }],
  });
  otherCase = await createCase(db, {
    municipalityCode: '147',
    persons: [{ id: (await createPerson(db, { municipalityCode: '147' })).id }],
    members: [{ userId: otherCoordinator.id, role: 'coordinator' }],
  });
  own = client(t.app, await login(t.app, ownCoordinator));
  other = client(t.app, await login(t.app, otherCoordinator));
  const plan = await other.post(`/api/cases/${otherCase.id}/plans`, {});
  expect(plan.statusCode).toBe(201);
  otherPlanId = (plan.json() as { id: string }).id;
  const assessment = await other.post(`/api/cases/${otherCase.id}/assessments`, {});
  expect(assessment.statusCode).toBe(201);
  otherAssessmentId = (assessment.json() as { id: string }).id;
});
afterAll(() => t.close());

async function planVersion(id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('case_plans')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe('the tenant key in case work', () => {
  it("another municipality's case and its rows answer 404 through the routes, unchanged", async () => {
    const before = await planVersion(otherPlanId);
    expect((await own.get(`/api/cases/${otherCase.id}`)).statusCode).toBe(404);
    expect((await own.get(`/api/cases/${otherCase.id}/plans`)).statusCode).toBe(404);
    const update = await own.patch(`/api/cases/${ownCase.id}/plans/${otherPlanId}`, {
      version: before,
      purpose: 'Ændret på tværs af kommuner',
    });
    expect(update.statusCode).toBe(404);
    const submit = await own.post(`/api/cases/${ownCase.id}/plans/${otherPlanId}/submit`, {
      version: before,
    });
    expect(submit.statusCode).toBe(404);
    const finalise = await own.post(
      `/api/cases/${ownCase.id}/assessments/${otherAssessmentId}/finalise`,
      { version: 1 },
    );
    expect(finalise.statusCode).toBe(404);
    expect(await planVersion(otherPlanId)).toBe(before);
  });

  it('the queries match the key: the right case id with the wrong municipality finds nothing', async () => {
    const db = t.database.db;
    const wrongKey: CaseKey = { caseId: otherCase.id, municipalityCode: '101' };
    const rightKey: CaseKey = { caseId: otherCase.id, municipalityCode: '147' };

    expect(await planRows(db, rightKey)).toHaveLength(1);
    expect(await planRows(db, wrongKey)).toEqual([]);
    expect(await planRow(db, wrongKey, otherPlanId)).toBeUndefined();
    expect(await selectAssessments(db, rightKey).execute()).toHaveLength(1);
    expect(await selectAssessments(db, wrongKey).execute()).toEqual([]);
    expect(await casePersonIds(db, rightKey)).toHaveLength(1);
    expect(await casePersonIds(db, wrongKey)).toEqual([]);
    expect(await followUpRows(db, wrongKey)).toEqual([]);
    expect(await caseClosures(db, wrongKey)).toEqual([]);
    expect(await caseReviews(db, wrongKey)).toEqual([]);

    const access = {
      ...wrongKey,
      role: 'coordinator' as const,
      scope: 'full' as const,
      compartment: true,
      breakGlass: false,
      breakGlassUntil: null,
      unitId: null,
      purposeLimit: null,
    };
    expect(await loadCase(db, access)).toBeUndefined();

    const before = await planVersion(otherPlanId);
    await db.transaction().execute(async (trx) => {
      await expect(lockCase(trx, wrongKey)).rejects.toMatchObject({ code: 'not_found' });
    });
    const saved = await db.transaction().execute(async (trx) =>
      saveDraft(trx, wrongKey, otherPlanId, before, {
        purpose: 'Ændret på tværs af kommuner',
        goals: '[]',
        agreements: '[]',
        citizen_wishes: null,
        citizen_participated: null,
        starts_on: null,
        ends_on: null,
        next_follow_up_on: null,
        follow_up_interval_days: null,
      }),
    );
    expect(saved).toBe(false);
    expect(await planVersion(otherPlanId)).toBe(before);
    expect(await db.transaction().execute((trx) => openInterventionIds(trx, wrongKey))).toEqual([]);
  });
});
