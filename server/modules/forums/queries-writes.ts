import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`): a forum is one municipality's. Inserts, the lock and the
 * name check name it; the writes of one forum match it by id only, after the service has found
 * the forum in the caller's area and checked that they manage it (`managedForum`) in the same
 * transaction. forum_members has no key of its own: a member row is matched by its forum.
 */

/** The forums module's writes: forums and forum_members (and the lock and check they need). */

/**
 * Locks the municipality's row until the transaction ends, so forum names are checked and stored
 * one change at a time (`no key update` does not block rows that merely reference it).
 */
export async function lockForumNames(trx: Transaction<DB>, municipalityCode: string) {
  await sql`select code from municipalities where code = ${municipalityCode} for no key update`.execute(
    trx,
  );
}

/** Whether another forum of the municipality (not `exceptId`) has the name, in any case. */
export async function forumNameTaken(
  trx: Transaction<DB>,
  municipalityCode: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = trx
    .selectFrom('forums')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** What a forum is besides its members: its name, kind and cadence. */
export interface ForumValues {
  name: string;
  kind: string;
  cadence: string | null;
}

/** A new forum of the municipality; its id. */
export async function insertForum(
  trx: Transaction<DB>,
  municipalityCode: string,
  values: ForumValues,
): Promise<{ id: string }> {
  return trx
    .insertInto('forums')
    .values({ municipality_code: municipalityCode, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Changes the forum (name, kind, cadence; archived or back in use) if it is still at `version`;
 * undefined when someone else changed it first.
 */
export async function updateForumRow(
  trx: Transaction<DB>,
  id: string,
  version: number,
  values: ForumValues & { archived: boolean },
): Promise<{ version: number } | undefined> {
  const { archived, ...rest } = values;
  return trx
    .updateTable('forums')
    .set({
      ...rest,
      archived_at: archived ? sql<Date>`coalesce(archived_at, now())` : null,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/**
 * Whether the municipality has another Infohus Kommune forum in use (not `exceptId`): there is one
 * per municipality, the bilateral forum with the police.
 */
export async function otherInfohusKommune(
  trx: Transaction<DB>,
  municipalityCode: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = trx
    .selectFrom('forums')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'infohus_kommune')
    .where('archived_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The version stored for the forum; undefined when it is gone. */
export async function forumVersion(trx: Transaction<DB>, id: string): Promise<number | undefined> {
  const now = await trx.selectFrom('forums').select('version').where('id', '=', id).execute();
  return now[0]?.version;
}

/** Adds the member; false when the user already was one. */
export async function insertMember(
  trx: Transaction<DB>,
  forumId: string,
  userId: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('forum_members')
    .values({ forum_id: forumId, user_id: userId })
    .onConflict((oc) => oc.columns(['forum_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes the member; false when the user was not one. */
export async function deleteMember(
  trx: Transaction<DB>,
  forumId: string,
  userId: string,
): Promise<boolean> {
  const removed = await trx
    .deleteFrom('forum_members')
    .where('forum_id', '=', forumId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst();
  return removed !== undefined;
}
