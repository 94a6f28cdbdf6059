import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createPerson, createUnit, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { refreshNextFollowUpsOfMunicipality } from '../cases/queries-case-rows.ts';
import { addDays } from './dates.ts';

/**
 * Closure and re-review at HTTP level: a proposal must say what happens to every open
 * intervention and give every goal of the approved plan a status (else 400 and nothing stored);
 * a coordinator approves (others 403, stale case version 409), which closes the case, ends its
 * interventions, cancels follow-ups and offers and schedules re-reviews at +6/+12 months; the job
 * (with a controllable clock) moves the case to re-review and notifies once; a re-review
 * confirms (with the effect-goal outcomes) or reopens. The case summary PDF is audited and
 * leaves the compartment out for a reader without it.
 */
export let t: TestApp;
export let coordinator: TestUser;
export let coordinator2: TestUser;
export let forum: TestUser;
export let member: TestUser;
export let mentor: TestUser;
export let outsider: TestUser;
export let person: { id: string; name: string };
export let sister: { id: string; name: string };
export let typeId: string;
export let unit: { id: string; name: string };
export let foreignUnit: { id: string; name: string };
export const as: Record<string, Client> = {};
export const SECRET_JUDGEMENT = 'Hemmelig-samlet-vurdering-af-bekymringen';
export const GOAL_A = randomUUID();
export const GOAL_B = randomUUID();

export const caller = (name: string): Client => callerIn(as, name);
export { fieldsOf } from '../../test/records.ts';

/** A case with an approved plan (two goals), two open interventions, a follow-up and offers. */
export async function richCase() {
  const db = t.database.db;
  const c = await createCase(db, {
    persons: [{ id: person.id }, { id: sister.id, role: 'younger_sibling' }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: coordinator2.id, role: 'coordinator' },
      { userId: forum.id, role: 'forum' },
      { userId: member.id, role: 'member' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  await db
    .insertInto('case_plans')
    .values({
      case_id: c.id,
      number: 1,
      status: 'approved',
      purpose: 'Fastholde skolegang',
      goals: JSON.stringify([
        { key: GOAL_A, parentKey: null, text: 'Går i skole hver dag', status: 'in_progress' },
        { key: GOAL_B, parentKey: GOAL_A, text: 'Møder sin mentor', status: 'achieved' },
      ]),
      agreements: JSON.stringify(['Ringer hvis han bliver syg']),
      created_by: coordinator.id,
    })
    .execute();
  const interventions = await db
    .insertInto('case_interventions')
    .values([
      {
        case_id: c.id,
        intervention_type_id: typeId,
        person_id: person.id,
        provider_user_id: mentor.id,
        status: 'active',
        starts_on: '2025-01-01',
        created_by: coordinator.id,
      },
      {
        case_id: c.id,
        intervention_type_id: typeId,
        person_id: sister.id,
        status: 'planned',
        created_by: coordinator.id,
      },
    ])
    .returning('id')
    .execute();
  const [a, b] = interventions.map((i) => i.id) as [string, string];
  await db
    .insertInto('case_follow_ups')
    .values({ case_id: c.id, due_on: addDays(danishToday(new Date()), 14) })
    .execute();
  await refreshNextFollowUpsOfMunicipality(db, '101');
  const first = await db
    .insertInto('case_offers')
    .values({
      case_id: c.id,
      person_id: person.id,
      kind: 'mentor',
      status: 'declined',
      offered_on: '2025-01-01',
      answered_on: '2025-01-02',
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_offers')
    .values({
      case_id: c.id,
      person_id: person.id,
      kind: 'mentor',
      round: 2,
      first_offer_id: first.id,
      status: 'scheduled',
      due_on: addDays(danishToday(new Date()), 30),
      created_by: coordinator.id,
    })
    .execute();
  return { ...c, interventions: [a, b] as const };
}

export type Rich = Awaited<ReturnType<typeof richCase>>;

export function proposal(c: Rich, extra: Record<string, unknown> = {}) {
  return {
    outcome: 'transferred',
    transferredUnitId: unit.id,
    reason: 'Borgeren trives, skolegangen er stabil, og familien har fået støtte.',
    goalStatuses: [
      { goalKey: GOAL_A, status: 'achieved' },
      { goalKey: GOAL_B, status: 'partly_achieved' },
    ],
    interventionDispositions: [
      { interventionId: c.interventions[0], disposition: 'continue_outside' },
      { interventionId: c.interventions[1], disposition: 'end' },
    ],
    ...extra,
  };
}

export async function closureCount(caseId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_closures')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.length;
}
export async function caseRow(caseId: string) {
  return t.database.db
    .selectFrom('cases')
    .select(['status', 'version', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}
/** The coordinator proposes the closure and `approver` approves it: the approval's answer. */
export async function proposeAndApprove(c: Rich, approver: 'coordinator' | 'coordinator2') {
  const { id } = (
    await caller('coordinator').post(`/api/cases/${c.id}/closure`, proposal(c))
  ).json() as { id: string };
  const { version } = await caseRow(c.id);
  const approved = await caller(approver).post(`/api/cases/${c.id}/closure/${id}/approve`, {
    caseVersion: version,
  });
  return { id, approved };
}
export async function eventKinds(caseId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.kind);
}

/** The app, users and records these tests share: set up once per test file. */
export function useClosureFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    coordinator = await createUser(db, { roles: ['coordinator'] });
    coordinator2 = await createUser(db, { roles: ['coordinator'] });
    forum = await createUser(db, { roles: ['forum_member'] });
    member = await createUser(db, { roles: ['caseworker'] });
    mentor = await createUser(db, { roles: ['mentor'] });
    outsider = await createUser(db, { roles: ['caseworker'] });
    person = await createPerson(db, { givenName: 'Ali', familyName: 'Testesen' });
    sister = await createPerson(db, { givenName: 'Sara', familyName: 'Testesen' });
    unit = await createUnit(db, { name: 'Børne- og ungeenheden' });
    foreignUnit = await createUnit(db, { municipalityCode: '147', name: 'Fremmed enhed' });
    const type = await db
      .insertInto('intervention_types')
      .values({
        municipality_code: '101',
        code: `mentor_${process.pid}`,
        name: 'Mentorforløb',
        level: 'anticipating',
        age_group: 'all',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    typeId = type.id;
    await logInAll(
      t,
      {
        coordinator,
        coordinator2,
        forum,
        member,
        mentor,
        outsider,
      },
      as,
    );
  });
  afterAll(() => t.close());
}
