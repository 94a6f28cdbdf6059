import type { Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../platform/db/schema.ts';
import { allowCompartment } from './compartment.ts';
import { handlesPersonalData } from './policies.ts';
import { inquiryAccessRow } from './queries-inquiries.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Need-to-know for concern inquiries: an inquiry is visible to
 *  - the coordinators of its municipality (they receive, triage and decide every inquiry), and
 *  - the members of the forum handling it, while it is being assessed (until decided).
 * Nobody else — not the colleague who recorded it (they get a receipt), not caseworkers, not
 * administrators — and they get 404, as for an id that does not exist. Everyone who may see an
 * inquiry may see its compartment (signs, observation, contributions, classification).
 */
export interface InquiryAccess {
  inquiryId: string;
  municipalityCode: string;
  /** A coordinator of the inquiry's municipality. */
  coordinator: boolean;
  /** A member of the forum handling it (during assessment). */
  forum: boolean;
  status: string;
  version: number;
  unitId: string | null;
}

const isCoordinator = (user: CurrentUser) => user.roles.includes('coordinator');

// The condition lists use lives with the rest of the SQL; callers import it here.
export { visibleInquiry } from './queries-inquiries.ts';

/** One round trip: the user's access to an inquiry, or undefined (answer 404). */
export async function findInquiryAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  inquiryId: string,
): Promise<InquiryAccess | undefined> {
  if (!handlesPersonalData(user)) return undefined;
  const row = await inquiryAccessRow(db, user, inquiryId);
  if (!row) return undefined;
  return {
    inquiryId: row.id,
    municipalityCode: row.municipality_code,
    coordinator: isCoordinator(user) && user.municipalityCode === row.municipality_code,
    forum: Boolean(row.in_forum) && row.status !== 'decided' && row.status !== 'forwarded',
    status: row.status,
    version: row.version,
    unitId: user.unitIds[0] ?? null,
  };
}

/** Tells the presenter this request may show the inquiry's compartment. */
export function grantInquiryAccess(request: FastifyRequest, access: InquiryAccess) {
  allowCompartment(request, 'inquiry', access.inquiryId);
}
