import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { visibleInquiry } from './inquiry-access.ts';
import { accessRows, handlesPersonalData, toAccess } from './records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * A person is visible to
 *  - a full-scope member of (or a coordinator with a break-the-glass grant on) a case the person
 *    is part of — intervention-scoped members see only the persons of their own intervention
 *    (later issue), until then none;
 *  - whoever may see an inquiry that concerns the person (the municipality's coordinators, and
 *    the handling forum during assessment).
 * Everyone else gets 404.
 */
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
  if (!handlesPersonalData(user)) return undefined;
  // One round trip: every case of the person in the user's area, with the user's access to it.
  const rows = await accessRows(db, user)
    .innerJoin('case_persons as cp', 'cp.case_id', 'cases.id')
    .where('cp.person_id', '=', personId)
    .orderBy('cases.opened_at')
    .orderBy('cases.id')
    .execute();
  for (const row of rows) {
    const access = toAccess(row, user);
    if (access?.scope === 'full') {
      return {
        personId,
        municipalityCode: row.municipality_code,
        unitId: access.unitId,
        breakGlass: access.breakGlass,
        viaCaseId: access.caseId,
        viaInquiryId: null,
      };
    }
  }
  // A second round trip only for someone who is not on a case with the person.
  const inquiry = await db
    .selectFrom('inquiry_persons as ip')
    .innerJoin('inquiries', 'inquiries.id', 'ip.inquiry_id')
    .select(['inquiries.id', 'inquiries.municipality_code'])
    .where('ip.person_id', '=', personId)
    .where(visibleInquiry(user))
    .orderBy('inquiries.received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!inquiry) return undefined;
  return {
    personId,
    municipalityCode: inquiry.municipality_code,
    unitId: user.unitIds[0] ?? null,
    breakGlass: false,
    viaCaseId: null,
    viaInquiryId: inquiry.id,
  };
}
