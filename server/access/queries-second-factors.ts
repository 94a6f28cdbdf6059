import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/*
 * Second factors belong to a user, not to a municipality: users, recovery_codes and
 * webauthn_credentials carry no tenant key here and are found by the user's id alone.
 */

/** The second factors' SQL: the user's TOTP columns, recovery codes and keys, read and reset. */

/** The user's encrypted TOTP secret and last used step, when TOTP is enabled. */
export async function enabledTotp(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .select(['totp_secret_enc', 'totp_last_step'])
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is not', null)
    .executeTakeFirst();
}

/** Stores `step` as the user's last used TOTP step if it is later; whether it was. */
export async function useTotpStep(trx: Transaction<DB>, userId: string, step: number) {
  const updated = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Removes the user's TOTP secret, its enrolment and its last step. */
export async function clearTotp(trx: Transaction<DB>, userId: string) {
  await trx
    .updateTable('users')
    .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

/** Deletes every recovery code of the user. */
export async function deleteRecoveryCodes(trx: Transaction<DB>, userId: string) {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Deletes every security key of the user. */
export async function deleteSecurityKeys(trx: Transaction<DB>, userId: string) {
  await trx.deleteFrom('webauthn_credentials').where('user_id', '=', userId).execute();
}
