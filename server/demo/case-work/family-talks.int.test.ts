import { afterAll, beforeAll, expect, it } from 'vitest';
import { countInterventionsByPerson } from '../../modules/case-interventions/participants.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/** The demo's family conversations: Ahmad, his father and his brother take part in one. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('gives S-2026-0001 a family conversation with three participants, each counted', async () => {
  await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  const db = t.database.db;
  const talks = await db
    .selectFrom('case_interventions as i')
    .innerJoin('intervention_types as ty', 'ty.id', 'i.intervention_type_id')
    .innerJoin('cases as c', 'c.id', 'i.case_id')
    .select(['i.id', 'i.case_id', 'i.form'])
    .where('ty.code', '=', 'group_family_talks')
    .where('c.reference', '=', 'S-2026-0001')
    .executeTakeFirstOrThrow();
  expect(talks.form).toBe('group');
  const participants = await db
    .selectFrom('case_intervention_participants')
    .select('person_id')
    .where('intervention_id', '=', talks.id)
    .execute();
  expect(participants).toHaveLength(3);
  const counts = await countInterventionsByPerson(db, {
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    caseId: talks.case_id,
  });
  // A mentor and the talks for Ahmad, the coach and the talks for his father, the planned mentor
  // and the talks for his brother: three persons in 4 interventions, 6 taking part.
  expect(counts.interventions).toBe(4);
  expect(counts.byPerson.map((p) => p.interventions).sort()).toEqual([2, 2, 2]);
});
