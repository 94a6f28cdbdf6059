import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CurrentUser } from './sessions.ts';

/** The access module's SQL for the work across municipalities (transfer-access.ts). */

/**
 * An inquiry the caller recorded in their own municipality (the hotline's receipt): its key,
 * status and version, never its content.
 */
export async function recordedInquiryRow(db: Kysely<DB>, user: CurrentUser, inquiryId: string) {
  if (!user.municipalityCode) return undefined;
  return db
    .selectFrom('inquiries')
    .select(['id', 'municipality_code', 'status', 'version'])
    .where('id', '=', inquiryId)
    .where('municipality_code', '=', user.municipalityCode)
    .where('created_by', '=', user.id)
    .executeTakeFirst();
}

/** A case transfer addressed to the caller's municipality: its key and status only. */
export async function incomingTransferRow(db: Kysely<DB>, user: CurrentUser, transferId: string) {
  if (!user.municipalityCode) return undefined;
  return db
    .selectFrom('case_transfers')
    .select(['id', 'municipality_code', 'to_municipality_code', 'status', 'version'])
    .where('id', '=', transferId)
    .where('to_municipality_code', '=', user.municipalityCode)
    .executeTakeFirst();
}
