import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * No tenant key here: the login path has no municipality yet. An account is found by its
 * username or id, and its second factors (recovery codes, TOTP state) by the account's id.
 */

/** The login service's SQL: the account's password, TOTP state and recovery codes. */

/** The account by username or id, with what the login steps check; undefined when none. */
export function findUser(db: Kysely<DB>, where: { username: string } | { id: string }) {
  let query = db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'roles',
      'municipality_code',
      'password_hash',
      'disabled_at',
      'totp_secret_enc',
      'totp_enabled_at',
      'totp_last_step',
    ]);
  query =
    'id' in where ? query.where('id', '=', where.id) : query.where('username', '=', where.username);
  return query.executeTakeFirst();
}

/** Uses the account's unused recovery code with this hash; its id, undefined when none. */
export async function useRecoveryCode(db: Kysely<DB>, userId: string, codeHash: string) {
  return db
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Stores a new, not yet active TOTP secret for an account that has no active one. */
export async function savePendingTotpSecret(
  db: Kysely<DB>,
  userId: string,
  secretEnc: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret_enc: secretEnc })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .execute();
}

/** Marks the account's TOTP as enrolled now. */
export async function enableTotp(trx: Transaction<DB>, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_enabled_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Replaces the account's recovery codes by these hashes. */
export async function replaceRecoveryCodes(
  trx: Transaction<DB>,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** The names of the user's municipality and police district, in one round trip. */
export async function headerPlaceNames(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('municipalities as m', 'm.code', 'u.municipality_code')
    .leftJoin('police_districts as d', 'd.id', 'u.police_district_id')
    .select(['m.code', 'm.name', 'd.id as district_id', 'd.name as district_name'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
