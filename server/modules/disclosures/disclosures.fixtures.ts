import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { logInAll } from '../../test/case-team.ts';
import { createUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { as, person, t, useClosureFixtures } from '../closure/closure.fixtures.ts';

/**
 * The disclosure register's tests stand on the closure tests' case (a citizen and a younger
 * sister; coordinators, forum, caseworker, mentor, a non-member) and add the data-protection role
 * of municipality 101 and of another municipality.
 */
export function useDisclosureFixtures() {
  useClosureFixtures();
  beforeAll(async () => {
    const db = t.database.db;
    const dpo = await createUser(db, { roles: ['data_protection'] });
    const foreignDpo = await createUser(db, {
      roles: ['data_protection'],
      municipalityCode: '147',
    });
    const outsiderCoordinator = await createUser(db, { roles: ['coordinator'] });
    await logInAll(t, { dpo, foreignDpo, outsiderCoordinator }, as);
  });
}

export const today = () => danishToday(new Date());

/** A disclosure by telephone to the psychiatry of the citizen (the first person of the case). */
export function disclosureBody(extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    disclosedOn: today(),
    recipientOrganisation: 'Region Hovedstadens Psykiatri, PSP',
    recipientKind: 'psychiatry',
    recipientPerson: 'Overlæge Test Testesen',
    categories: ['case_history', 'plan'],
    documents: 'Handleplan, version 1',
    legalBasis: 'Retsplejeloven § 115 (PSP)',
    purpose: 'Kriminalitetsforebyggende samarbejde i PSP om borgerens forløb',
    decidedBy: 'Tovholderen efter drøftelse i PSP-gruppen',
    channel: 'phone',
    personIds: [person.id],
    ...extra,
  };
}

/** What recording a disclosure writes for a case, to check that a refusal wrote nothing. */
export async function disclosureTrace(caseId: string) {
  const db = t.database.db;
  const entries = await db
    .selectFrom('disclosures')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'disclosure_recorded')
    .execute();
  return { entries: entries.length, events: events.length };
}
