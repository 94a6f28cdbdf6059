import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The meetings module's writes: meetings, meeting_participants, meeting_external_guests. Every
 * write names the municipality (the tenant key) besides the id, after the service has checked
 * the caller's standing in the same transaction (server/access/meeting-access.ts).
 */

export async function insertMeetings(
  trx: Transaction<DB>,
  rows: Insertable<DB['meetings']>[],
): Promise<void> {
  await trx.insertInto('meetings').values(rows).execute();
}

/** Invites users to meetings; a user already invited keeps their invitation. */
export async function insertParticipants(
  trx: Transaction<DB>,
  rows: Insertable<DB['meeting_participants']>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await trx
    .insertInto('meeting_participants')
    .values(rows)
    .onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return inserted.length;
}

/** Changes the meeting if it is still at `version`; undefined when someone changed it first. */
export async function updateMeetingRow(
  trx: Transaction<DB>,
  key: { municipalityCode: string; id: string; version: number },
  changes: Partial<{
    starts_at: Date;
    ends_at: Date;
    place: string | null;
    video_link: string | null;
    chair_user_id: string | null;
    note_taker_user_id: string | null;
    status: string;
    cancel_reason: string | null;
  }>,
): Promise<{ version: number } | undefined> {
  return trx
    .updateTable('meetings')
    .set({ ...changes, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('municipality_code', '=', key.municipalityCode)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returning('version')
    .executeTakeFirst();
}

export async function deleteParticipant(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingId: string,
  userId: string,
): Promise<boolean> {
  const removed = await trx
    .deleteFrom('meeting_participants')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst();
  return removed !== undefined;
}

export async function insertExternalGuest(
  trx: Transaction<DB>,
  row: Insertable<DB['meeting_external_guests']>,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('meeting_external_guests')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findExternalGuest(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingId: string,
  guestId: string,
) {
  return trx
    .selectFrom('meeting_external_guests')
    .select(['id', 'meeting_id', 'agenda_item_id', 'name', 'organisation', 'email'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', guestId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** An external guest id taken anywhere (an idempotent create must not reuse another's id). */
export async function externalGuestIdTaken(trx: Transaction<DB>, guestId: string) {
  const row = await trx
    .selectFrom('meeting_external_guests')
    .select(['id', 'meeting_id', 'municipality_code'])
    .where('id', '=', guestId)
    .executeTakeFirst();
  return row;
}

export async function deleteExternalGuest(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingId: string,
  guestId: string,
): Promise<boolean> {
  const removed = await trx
    .deleteFrom('meeting_external_guests')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', guestId)
    .returning('id')
    .executeTakeFirst();
  return removed !== undefined;
}

/** Records when the invitations of these users were queued. */
export async function markParticipantsQueued(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingIds: string[],
  userIds: string[],
): Promise<void> {
  if (meetingIds.length === 0 || userIds.length === 0) return;
  await trx
    .updateTable('meeting_participants')
    .set({ invitation_queued_at: sql<Date>`now()` })
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', 'in', meetingIds)
    .where('user_id', 'in', userIds)
    .execute();
}

export async function markGuestsQueued(
  trx: Transaction<DB>,
  municipalityCode: string,
  guestIds: string[],
): Promise<void> {
  if (guestIds.length === 0) return;
  await trx
    .updateTable('meeting_external_guests')
    .set({ invitation_queued_at: sql<Date>`now()` })
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', guestIds)
    .execute();
}

/** The participants of the meetings who have an e-mail address and an active account. */
export async function reachableParticipants(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingIds: string[],
  onlyUserId?: string,
): Promise<{ meeting_id: string; user_id: string }[]> {
  if (meetingIds.length === 0) return [];
  let query = trx
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.meeting_id', 'p.user_id'])
    .where('p.municipality_code', '=', municipalityCode)
    .where('p.meeting_id', 'in', meetingIds)
    .where('u.email', 'is not', null)
    .where('u.disabled_at', 'is', null);
  if (onlyUserId) query = query.where('p.user_id', '=', onlyUserId);
  return query.orderBy('p.meeting_id').orderBy('p.user_id').execute();
}

/** The external guests of the meeting who have an e-mail address. */
export async function reachableGuests(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingId: string,
  onlyGuestId?: string,
): Promise<{ id: string }[]> {
  let query = trx
    .selectFrom('meeting_external_guests')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('email', 'is not', null);
  if (onlyGuestId) query = query.where('id', '=', onlyGuestId);
  return query.orderBy('id').execute();
}
