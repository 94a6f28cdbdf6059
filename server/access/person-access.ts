import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { handlesPersonalData } from './policies.ts';
import { openInquiryPersonRows } from './queries-inquiries.ts';
import { personCaseAccessRows } from './queries-records.ts';
import { toAccess } from './records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * A person is visible to
 *  - a full-scope member of (or a coordinator with a break-the-glass grant on) a case the person
 *    is part of — intervention-scoped members see only the persons of their own intervention
 *    (later issue), until then none;
 *  - whoever may see an inquiry about the person **while it is being assessed** (the
 *    municipality's coordinators, and the handling forum). Once the inquiry is decided it no
 *    longer opens the person's record: from then on only a case does. So an inquiry never gives
 *    more than its own scope — the persons it concerns, for as long as it is open.
 * Everyone else gets 404. A person is only ever linked to an inquiry by someone who may see them
 * (see `createInquiry`), so recording an inquiry cannot widen who sees a person.
 */
export { visiblePerson } from './queries-persons.ts';

export interface PersonAccess {
  personId: string;
  municipalityCode: string;
  /** For the audit entry: the unit the user works for, and whether it is break-the-glass. */
  unitId: string | null;
  breakGlass: boolean;
  /** The record through which the person is visible. */
  viaCaseId: string | null;
  viaInquiryId: string | null;
}

export async function findPersonAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  personId: string,
): Promise<PersonAccess | undefined> {
  return (await findPersonAccesses(db, user, [personId])).get(personId);
}

/** A case or an inquiry through which a person is visible. */
export interface PersonRecord {
  id: string;
  reference: string;
}

/** The access to one person, and every case and open inquiry it comes through. */
export interface PersonRecords {
  access: PersonAccess;
  cases: PersonRecord[];
  inquiries: PersonRecord[];
}

/** The full-scope access a case row gives, or undefined. */
function viaCase(row: Parameters<typeof toAccess>[0], user: CurrentUser, personId: string) {
  const access = toAccess(row, user);
  if (access?.scope !== 'full') return undefined;
  return {
    personId,
    municipalityCode: row.municipality_code,
    unitId: access.unitId,
    breakGlass: access.breakGlass,
    viaCaseId: access.caseId,
    viaInquiryId: null,
  };
}

/** The access an open inquiry the user may see gives. */
function viaInquiry(
  row: { person_id: string; id: string; municipality_code: string },
  user: CurrentUser,
) {
  return {
    personId: row.person_id,
    municipalityCode: row.municipality_code,
    unitId: user.unitIds[0] ?? null,
    breakGlass: false,
    viaCaseId: null,
    viaInquiryId: row.id,
  };
}

/**
 * The user's access to each of a batch of persons; the ones missing from the map are not visible
 * (or do not exist). At most two round trips whatever the batch size: the cases first, then the
 * open inquiries for the persons no case gave.
 */
export async function findPersonAccesses(
  db: Kysely<DB>,
  user: CurrentUser,
  personIds: readonly string[],
): Promise<Map<string, PersonAccess>> {
  const found = new Map<string, PersonAccess>();
  const ids = [...new Set(personIds)];
  if (!handlesPersonalData(user) || ids.length === 0) return found;
  const rows = await personCaseAccessRows(db, user, ids);
  for (const row of rows) {
    if (found.has(row.person_id)) continue;
    const access = viaCase(row, user, row.person_id);
    if (access) found.set(row.person_id, access);
  }
  const rest = ids.filter((id) => !found.has(id));
  if (rest.length === 0) return found;
  const inquiries = await openInquiryPersonRows(db, user, rest);
  for (const inquiry of inquiries) {
    if (!found.has(inquiry.person_id)) found.set(inquiry.person_id, viaInquiry(inquiry, user));
  }
  return found;
}

/**
 * Like `findPersonAccesses`, with every case (full scope, oldest first) and open inquiry (newest
 * first) each person is visible through, for a list that shows them. Two round trips.
 */
export async function findPersonRecords(
  db: Kysely<DB>,
  user: CurrentUser,
  personIds: readonly string[],
): Promise<Map<string, PersonRecords>> {
  const found = new Map<string, PersonRecords>();
  const ids = [...new Set(personIds)];
  if (!handlesPersonalData(user) || ids.length === 0) return found;
  const entry = (personId: string, access: PersonAccess) => {
    const existing = found.get(personId) ?? { access, cases: [], inquiries: [] };
    found.set(personId, existing);
    return existing;
  };
  for (const row of await personCaseAccessRows(db, user, ids)) {
    const access = viaCase(row, user, row.person_id);
    if (access) entry(row.person_id, access).cases.push({ id: row.id, reference: row.reference });
  }
  for (const row of await openInquiryPersonRows(db, user, ids)) {
    entry(row.person_id, viaInquiry(row, user)).inquiries.push({
      id: row.id,
      reference: row.reference,
    });
  }
  return found;
}
