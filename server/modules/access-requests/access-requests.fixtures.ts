import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';

/**
 * The access requests' tests: the data-protection role of municipality 101 (two people, for the
 * four-eyes rule), a coordinator, a caseworker (no access to requests), and the data-protection
 * role of another municipality. A citizen with a case (a younger sister on it, a coordinator
 * member who reads it), a disclosure to the police and a consent.
 */
export let t: TestApp;
export const as: Record<string, Client> = {};
export const caller = (name: string): Client => callerIn(as, name);
export let dpo: TestUser;
export let dpo2: TestUser;
export let coordinator: TestUser;
export let caseworker: TestUser;
export let foreignDpo: TestUser;

export const today = () => danishToday(new Date());

export function useAccessRequestFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    dpo = await createUser(db, { roles: ['data_protection'] });
    dpo2 = await createUser(db, { roles: ['data_protection'] });
    coordinator = await createUser(db, { roles: ['coordinator'] });
    caseworker = await createUser(db, { roles: ['caseworker'] });
    foreignDpo = await createUser(db, { roles: ['data_protection'], municipalityCode: '147' });
    await logInAll(t, { dpo, dpo2, coordinator, caseworker, foreignDpo }, as);
  });
  afterAll(() => t.close());
}

/** A citizen with a case (and a sister on it), read once by the coordinator, with a disclosure
 * to the police and a consent. */
export async function citizenWithFile() {
  const db = t.database.db;
  const citizen = await createPerson(db, { givenName: 'Aksel', familyName: 'Indsigtsen' });
  const sister = await createPerson(db, { givenName: 'Tredjepart', familyName: 'Søstersen' });
  const theCase = await createCase(db, {
    persons: [{ id: citizen.id }, { id: sister.id, role: 'younger_sibling' }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  const read = await caller('coordinator').get(`/api/cases/${theCase.id}`);
  if (read.statusCode !== 200) throw new Error(read.body);
  const disclosure = await caller('coordinator').post(`/api/cases/${theCase.id}/disclosures`, {
    id: randomUUID(),
    disclosedOn: today(),
    recipientOrganisation: 'Politiets SSP-kontakt',
    recipientKind: 'police',
    recipientPerson: null,
    categories: ['case_history'],
    documents: null,
    legalBasis: 'Retsplejeloven § 115 (SSP)',
    purpose: 'Kriminalitetsforebyggende samarbejde i SSP',
    decidedBy: 'Tovholderen',
    channel: 'phone',
    personIds: [citizen.id],
  });
  if (disclosure.statusCode !== 201) throw new Error(disclosure.body);
  await db
    .insertInto('case_consents')
    .values({
      case_id: theCase.id,
      person_id: citizen.id,
      given_by: 'person',
      purpose: 'Samtale med skolen om trivsel',
      method: 'written',
      given_on: today(),
      recorded_by: coordinator.id,
    })
    .execute();
  return { citizen, sister, theCase };
}

export function registerBody(personId: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    kind: 'data_subject_access',
    personId,
    channel: 'letter',
    receivedOn: today(),
    ...extra,
  };
}

/** What a request wrote, to check that a refusal stored nothing. */
export async function requestTrace(personId: string) {
  const db = t.database.db;
  const requests = await db
    .selectFrom('access_requests')
    .select(['id', 'version', 'status'])
    .where('person_id', '=', personId)
    .execute();
  const items = await db
    .selectFrom('access_request_items as i')
    .innerJoin('access_requests as r', 'r.id', 'i.request_id')
    .select(['i.decision', 'i.version'])
    .where('r.person_id', '=', personId)
    .orderBy('i.position')
    .execute();
  const disclosures = await db
    .selectFrom('disclosures')
    .select('id')
    .where('recipient_kind', '=', 'citizen')
    .where('municipality_code', '=', '101')
    .execute();
  return { requests, items, citizenDisclosures: disclosures.length };
}
