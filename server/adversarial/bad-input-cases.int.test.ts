import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { buildWorkbench, today, versionOf, type Workbench } from '../test/case-workbench.ts';
import { client, createPerson } from '../test/records.ts';
import { codeFor, createUser, login, type TestUser } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for the case itself, its team, notes, status, classification,
 * assessments and plans, and break-the-glass — sent by a coordinator of the case, so that every
 * request reaches validation and the service with real ids.
 */
let t: TestApp;
let run: BadInputRun;
let wb: Workbench;
let coordinator: TestUser;
let leaver: TestUser;
let sibling: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  const caseworker = await createUser(db, { roles: ['caseworker'] });
  leaver = await createUser(db, { roles: ['caseworker'] });
  const session = await login(t.app, coordinator);
  wb = await buildWorkbench(db, client(t.app, session), coordinator.id, {
    text: 'Bekymring for radikalisering.',
    members: [caseworker.id, leaver.id],
  });
  sibling = await createPerson(db);
  await db
    .insertInto('case_persons')
    .values({ case_id: wb.caseId, person_id: sibling.id, role: 'sibling' })
    .execute();
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`cases (${testEngine})`));
  await t.close();
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);
const caseVersion = () => version('cases', wb.caseId);
const planVersion = () => version('case_plans', wb.draftPlanId);
const assessment = () => ({ id: wb.caseId, assessmentId: wb.draftAssessmentId });
const plan = () => ({ id: wb.caseId, planId: wb.draftPlanId });

const fixtures: Record<string, () => Fixture> = {
  'POST /api/cases/search': () => ({ body: () => ({ text: 'Testperson', overdue: false }) }),
  'POST /api/cases/{id}/members': () => ({
    params: { id: wb.caseId },
    body: () => ({ userId: leaver.id, role: 'member', scope: 'full', unitId: null }),
  }),
  'DELETE /api/cases/{id}/members/{userId}': () => ({
    params: { id: wb.caseId, userId: leaver.id },
  }),
  'POST /api/cases/{id}/persons': () => ({
    params: { id: wb.caseId },
    body: async () => ({
      version: await caseVersion(),
      role: 'friend',
      new: { givenName: 'Ven', familyName: 'Berg', birthDate: null, cpr: null },
    }),
  }),
  'POST /api/cases/{id}/persons/{personId}/removal': () => ({
    params: { id: wb.caseId, personId: sibling.id },
    body: async () => ({ version: await caseVersion(), reason: 'Tilføjet ved en fejl.' }),
  }),
  'POST /api/cases/{id}/persons/{personId}/custody': () => ({
    params: { id: wb.caseId, personId: wb.parentId },
    body: async () => ({ version: await caseVersion(), custodyHolder: true }),
  }),
  'POST /api/cases/{id}/notes': () => ({
    params: { id: wb.caseId },
    body: () => ({ text: 'Samtale med skolen.', compartment: false }),
  }),
  'POST /api/cases/{id}/status': () => ({
    params: { id: wb.caseId },
    body: async () => ({
      version: await caseVersion(),
      status: 'on_hold',
      reason: 'Familien er bortrejst.',
      until: today(),
    }),
  }),
  'PATCH /api/cases/{id}/classification': () => ({
    params: { id: wb.caseId },
    body: async () => ({ version: await caseVersion(), ageGroup: 'under_18' }),
  }),
  'POST /api/break-glass': () => ({
    body: () => ({
      reference: wb.reference,
      reason: 'Akut henvendelse fra politiet om borgeren.',
      code: codeFor(coordinator.totpSecret ?? ''),
    }),
  }),
  'POST /api/cases/{id}/assessments': () => ({ params: { id: wb.caseId } }),
  'PUT /api/cases/{id}/assessments/{assessmentId}': () => ({
    params: assessment(),
    body: async () => ({
      version: await version('case_assessments', wb.draftAssessmentId),
      dimensions: { family: { risk: null, wellbeing: 'Tæt på sin mor.' } },
      riskFactors: ['Isolation'],
      protectiveFactors: ['Fodbold'],
      overallJudgement: 'Uændret.',
      concernLevel: 'moderate',
      followUpIntervalDays: 30,
    }),
  }),
  'POST /api/cases/{id}/assessments/{assessmentId}/finalise': () => ({
    params: assessment(),
    body: async () => ({ version: await version('case_assessments', wb.draftAssessmentId) }),
  }),
  'POST /api/cases/{id}/plans': () => ({ params: { id: wb.caseId } }),
  'PUT /api/cases/{id}/plans/{planId}': () => ({
    params: plan(),
    body: async () => ({
      version: await planVersion(),
      purpose: 'Fastholde skolegang',
      goals: [
        {
          key: wb.goalKeys[0],
          text: 'Går i skole hver dag',
          responsible: { userId: coordinator.id },
          targetDate: today(),
          status: 'in_progress',
        },
      ],
      agreements: ['Ringer hvis han bliver syg'],
      citizenWishes: null,
      citizenParticipated: true,
      startsOn: today(),
      endsOn: null,
      nextFollowUpOn: today(),
      followUpIntervalDays: 30,
    }),
  }),
  'POST /api/cases/{id}/plans/{planId}/submit': () => ({
    params: plan(),
    body: async () => ({ version: await planVersion() }),
  }),
  'POST /api/cases/{id}/plans/{planId}/approve': () => ({
    params: plan(),
    body: async () => ({ version: await planVersion(), steeringGroupMeetingOn: today() }),
  }),
  'POST /api/cases/{id}/plans/{planId}/reject': () => ({
    params: plan(),
    body: async () => ({ version: await planVersion(), comment: 'Mangler mål.' }),
  }),
};

describe(`generated bad input: cases (${testEngine})`, () => {
  it('counts a stored note as a write and a refused one as none (so "stores nothing" can fail)', async () => {
    const notes = `/api/cases/${wb.caseId}/notes`;
    const c = client(t.app, run.caller);
    const before = await run.fingerprint();
    expect((await c.post(notes, { text: 'x'.repeat(10_001) })).statusCode).toBe(400);
    expect(await run.fingerprint()).toBe(before);
    expect((await c.post(notes, { text: 'Samtale med skolen.' })).statusCode).toBe(201);
    expect(await run.fingerprint()).not.toBe(before);
  });

  badInputTests({ group: 'cases', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
