import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { presentDisclosures } from './listing.ts';
import { personDisclosures } from './queries.ts';
import type { PersonDisclosure } from './schema.ts';

/** The most entries the citizen's access report lists (a citizen with more is told so). */
export const MAX_PERSON_DISCLOSURES = 500;

/**
 * The person's entries in the disclosure register, newest first, for the citizen's access
 * report (persons/read.ts): when, to which organisation, what, on which basis and for what
 * purpose — without who recorded it (employees' names are not part of the citizen's report).
 * The caller audits the report.
 */
export async function disclosuresOfPerson(
  db: Kysely<DB>,
  person: { id: string; municipalityCode: string },
): Promise<PersonDisclosure[]> {
  const rows = await personDisclosures(db, person, MAX_PERSON_DISCLOSURES);
  const entries = await presentDisclosures(db, person.municipalityCode, rows);
  return entries.map((e) => ({
    disclosedOn: e.disclosedOn,
    recipientOrganisation: e.recipientOrganisation,
    recipientKind: e.recipientKind,
    categories: e.categories,
    legalBasis: e.legalBasis,
    purpose: e.purpose,
    channel: e.channel,
  }));
}
