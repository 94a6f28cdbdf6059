import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * No tenant key here: a user manages only their own security keys, matched by the user's id.
 */

/** Managing one's own security keys (webauthn_credentials); the login check is access/webauthn.ts. */

/** The user's keys, oldest first. */
export async function securityKeyRows(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('webauthn_credentials')
    .select(['id', 'nickname', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Locks the user's row, which serialises one user's registrations. */
export async function lockUserRow(trx: Transaction<DB>, userId: string): Promise<void> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** How many keys the user has. */
export async function countSecurityKeys(trx: Transaction<DB>, userId: string): Promise<number> {
  const count = await trx
    .selectFrom('webauthn_credentials')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return count.n;
}

/** Stores a new key; undefined when a key with this credential id exists (by anyone). */
export async function insertSecurityKey(
  trx: Transaction<DB>,
  values: Insertable<DB['webauthn_credentials']>,
) {
  return trx
    .insertInto('webauthn_credentials')
    .values(values)
    .onConflict((oc) => oc.column('credential_id').doNothing())
    .returning(['id', 'nickname', 'created_at', 'last_used_at'])
    .executeTakeFirst();
}

/** Deletes one of the user's keys; its id, undefined when the user has no such key. */
export async function deleteSecurityKey(trx: Transaction<DB>, userId: string, id: string) {
  return trx
    .deleteFrom('webauthn_credentials')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
}
