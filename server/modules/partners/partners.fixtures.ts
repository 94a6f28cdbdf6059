import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeam, logInAll, membersOf } from '../../test/case-team.ts';
import { client, createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';

/**
 * The partner tests' world: the usual case team of municipality 101, a psychiatry partner (PSP)
 * and a school, an existing partner user at the psychiatry, and cases with an approved plan of
 * two goals, two interventions and a consent.
 */
export let t: TestApp;
export const as: Record<string, Client> = {};
export let team: Record<'coordinator' | 'forum' | 'member' | 'mentor' | 'outsider', TestUser>;
export let partnerUser: TestUser;
export const orgs = { psychiatry: randomUUID(), school: randomUUID(), foreign: randomUUID() };
export const caller = (name: string): Client => callerIn(as, name);
export const today = () => danishToday(new Date());
export const inDays = (n: number) => addDays(today(), n);

async function organisation(id: string, name: string, kind: string, municipalityCode = '101') {
  await t.database.db
    .insertInto('partner_organisations')
    .values({ id, municipality_code: municipalityCode, name, kind })
    .execute();
}

/** A partner user of the organisation (created active, with TOTP), logged in as `name`. */
export async function newPartnerUser(name: string, organisationId = orgs.psychiatry) {
  const db = t.database.db;
  const user = await createUser(db, { roles: ['partner'] });
  await db
    .insertInto('partner_users')
    .values({ user_id: user.id, municipality_code: '101', organisation_id: organisationId })
    .execute();
  as[name] = client(t.app, await login(t.app, user));
  return user;
}

export function usePartnerFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    team = await createTeam(db, ['coordinator', 'forum', 'member', 'mentor', 'outsider']);
    await logInAll(t, { ...team }, as);
    await organisation(
      orgs.psychiatry,
      `Psykiatrien PSP ${orgs.psychiatry.slice(0, 6)}`,
      'psychiatry',
    );
    await organisation(orgs.school, `Byskolen ${orgs.school.slice(0, 6)}`, 'school');
    await organisation(
      orgs.foreign,
      `Psykiatri Aarhus ${orgs.foreign.slice(0, 6)}`,
      'psychiatry',
      '751',
    );
    partnerUser = await newPartnerUser('partner');
  });
  afterAll(() => t.close());
}

export interface PartnerCase {
  id: string;
  citizenId: string;
  goals: string[];
  interventions: string[];
  consentId: string;
}

/** A case with an approved plan (two goals), two interventions and a consent. */
export async function partnerCase(): Promise<PartnerCase> {
  const db = t.database.db;
  const citizen = await createPerson(db, { givenName: 'Sara', familyName: 'Partnersen' });
  const c = await createCase(db, { persons: [{ id: citizen.id }], members: membersOf(team) });
  const goals = [randomUUID(), randomUUID()];
  await db
    .insertInto('case_plans')
    .values({
      case_id: c.id,
      number: 1,
      status: 'approved',
      goals: JSON.stringify(
        goals.map((key, i) => ({
          key,
          parentKey: null,
          text: `Mål ${i + 1}: fast gang i behandling`,
          responsible: { userId: null, name: 'Overlæge' },
          targetDate: inDays(60),
          status: 'in_progress',
        })),
      ),
      created_by: team.coordinator.id,
    })
    .execute();
  const type = await db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: `t_${randomUUID().slice(0, 8)}`,
      name: 'Ambulant behandling',
      level: 'intervening',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const interventions: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const row = await db
      .insertInto('case_interventions')
      .values({
        case_id: c.id,
        intervention_type_id: type.id,
        person_id: citizen.id,
        created_by: team.coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    interventions.push(row.id);
  }
  const consent = await db
    .insertInto('case_consents')
    .values({
      case_id: c.id,
      person_id: citizen.id,
      given_by: 'person',
      purpose: 'Deling med psykiatrien om behandlingen',
      method: 'written',
      given_on: addDays(today(), -3),
      signed_on: addDays(today(), -3),
      // Scope (0038): standing access for a school or psychiatry, sharing what a grant can share.
      uses: ['standing_access'],
      categories: ['identity', 'case_history', 'plan', 'interventions'],
      organisation_kinds: ['school', 'psychiatry'],
      recorded_by: team.coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, citizenId: citizen.id, goals, interventions, consentId: consent.id };
}

/** An invitation of the existing partner user, on the PSP basis, for 60 days. */
export function invitation(c: PartnerCase, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    organisationId: orgs.psychiatry,
    partnerUserId: partnerUser.id,
    parts: ['overview', 'planGoals', 'contributions'],
    goalKeys: [c.goals[0]],
    interventionIds: [],
    legalBasis: 'rpl_115_psp',
    purpose: 'Kriminalitetsforebyggende samarbejde i PSP om borgerens behandling',
    endsOn: inDays(60),
    ...extra,
  };
}

/** What inviting writes for a case, to check that a refusal wrote nothing. */
export async function trace(caseId: string) {
  const db = t.database.db;
  const count = async (q: Promise<unknown[]>) => (await q).length;
  return {
    invitations: await count(
      db.selectFrom('case_partner_access').select('id').where('case_id', '=', caseId).execute(),
    ),
    disclosures: await count(
      db.selectFrom('disclosures').select('id').where('case_id', '=', caseId).execute(),
    ),
    events: await count(
      db
        .selectFrom('case_events')
        .select('id')
        .where('case_id', '=', caseId)
        .where('kind', '=', 'partner_invited')
        .execute(),
    ),
  };
}
