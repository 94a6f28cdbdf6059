import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { handedInquiryRow } from './queries-police-feedback.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may tell the municipality what the police decided about an inquiry handed to them (issue
 * 14 part 8): a police contact of the police district the inquiry's municipality belongs to, for
 * an inquiry whose final decision handed it to the police. They see only the inquiry's reference,
 * the date it was handed and its municipality — never the observation or the persons. Any other
 * inquiry (not handed, another district, missing) answers the same 404.
 */
export interface HandedInquiry {
  inquiryId: string;
  municipalityCode: string;
}

export { handedToUsersDistrict } from './queries-police-feedback.ts';

export async function requireHandedInquiry(
  db: Kysely<DB>,
  user: CurrentUser,
  inquiryId: string,
): Promise<HandedInquiry> {
  const row = await handedInquiryRow(db, user, inquiryId);
  if (!row) {
    // The same answer for a missing inquiry, one not handed to the police and another district's.
    throw new AppError('not_found', {
      fields: [{ field: 'params.inquiryId', code: 'not_handed_to_police' }],
    });
  }
  return { inquiryId: row.id, municipalityCode: row.municipality_code };
}
