import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * What the case-intervention tests share (case-interventions-consent-offers and
 * case-interventions-providers): the app on a fresh database, a coordinator, a caseworker, two
 * mentors and an outsider, a case about two siblings opened on 10 January 2025, intervention
 * types (§ 12 b with consent, mentor, inactive) and helpers for calls and rows. Each test file
 * sets all of it up anew, so the files run alone, in any order or in parallel.
 */
export let t: TestApp;
export let theCase: { id: string; reference: string };
export let citizen: { id: string; name: string };
export let sister: { id: string; name: string };
export let coordinator: TestUser;
export let caseworker: TestUser;
export let mentor: TestUser;
export let mentor2: TestUser;
export let outsider: TestUser;
export const as: Record<string, Client> = {};
export const types: Record<'s12b' | 'mentor' | 'inactive', string> = {
  s12b: '',
  mentor: '',
  inactive: '',
};
export const OPENED_AT = '2025-01-10T09:00:00Z';

export type Name = 'coordinator' | 'caseworker' | 'mentor' | 'mentor2' | 'outsider';
export const caller = (name: Name): Client => callerIn(as, name);
export const url = (path = '', caseId = theCase.id) => `/api/cases/${caseId}${path}`;
export { fieldsOf } from '../../test/records.ts';

export interface Listing {
  interventions: {
    id: string;
    version: number;
    status: string;
    person: { id: string; name: string; role: string };
    provider: { userId: string; name: string } | null;
    providerName: string | null;
    consent: { id: string; givenOn: string; withdrawnOn: string | null } | null;
    sessions: { id: string; heldOn: string; note: string; authorName: string }[];
    type: { id: string; consentRequired: boolean; level: string };
  }[];
  consents: { id: string }[];
  offers: {
    id: string;
    version: number;
    round: number;
    status: string;
    dueOn: string | null;
    firstOfferId: string | null;
  }[];
  catalogue: { id: string }[];
  providers: { id: string }[];
}
export async function listing(name: Name = 'coordinator', caseId = theCase.id): Promise<Listing> {
  const res = await caller(name).get(url('/interventions', caseId));
  expect(res.statusCode).toBe(200);
  return res.json() as Listing;
}
export async function interventionRow(id: string) {
  return t.database.db
    .selectFrom('case_interventions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
export async function eventCount(caseId = theCase.id): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.length;
}
export async function createType(
  code: string,
  options: { consent?: boolean; active?: boolean } = {},
) {
  const row = await t.database.db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: `${code}_${process.pid}`,
      name: `Indsats ${code}`,
      level: options.consent ? 'anticipating' : 'building',
      age_group: 'all',
      legal_basis: options.consent ? 'Serviceloven § 12 b' : null,
      consent_required: options.consent ?? false,
      active: options.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
export async function newCase(persons: { id: string; role?: string }[]) {
  const c = await createCase(t.database.db, {
    persons,
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: caseworker.id, role: 'member' },
    ],
  });
  await t.database.db
    .updateTable('cases')
    .set({ opened_at: OPENED_AT })
    .where('id', '=', c.id)
    .execute();
  return c;
}

/** The app, users, persons, the case and the intervention types: set up once per test file. */
export function useCaseInterventionFixtures(app: Parameters<typeof startTestApp>[0] = {}) {
  beforeAll(async () => {
    t = await startTestApp(app);
    const db = t.database.db;
    coordinator = await createUser(db, { roles: ['coordinator'] });
    caseworker = await createUser(db, { roles: ['caseworker'] });
    mentor = await createUser(db, { roles: ['mentor'] });
    mentor2 = await createUser(db, { roles: ['mentor'] });
    outsider = await createUser(db, { roles: ['caseworker'] });
    citizen = await createPerson(db, { givenName: 'Adam', familyName: 'Rasmussen' });
    sister = await createPerson(db, { givenName: 'Sara', familyName: 'Rasmussen' });
    theCase = await newCase([{ id: citizen.id }, { id: sister.id, role: 'younger_sibling' }]);
    types.s12b = await createType('s12b', { consent: true });
    types.mentor = await createType('mentor');
    types.inactive = await createType('gone', { active: false });
    await logInAll(
      t,
      {
        coordinator,
        caseworker,
        mentor,
        mentor2,
        outsider,
      },
      as,
    );
  });
  afterAll(() => t.close());
}
