import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * The accounts of partner users (issue 13 part 1): created inactive (no password, disabled) when
 * a coordinator invites a new person, activated when the person sets a password from the
 * invitation e-mail. `users` is shared by the administration and the login path; the partners
 * module calls these through partner-accounts.ts.
 */
export async function insertPartnerAccount(
  trx: Transaction<DB>,
  values: { username: string; displayName: string; email: string; municipalityCode: string },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('users')
    .values({
      username: values.username,
      display_name: values.displayName,
      email: values.email,
      roles: ['partner'],
      municipality_code: values.municipalityCode,
      password_hash: null,
      disabled_at: sql<Date>`now()`,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/**
 * Sets the partner's first password and enables the account; false when it is not a partner or
 * has a password already (activation is once: it never re-enables an account disabled since).
 */
export async function activatePartnerAccount(
  trx: Transaction<DB>,
  userId: string,
  passwordHash: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: sql<Date>`now()`,
      disabled_at: null,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .where(sql<boolean>`roles = array['partner']::text[]`)
    .where('password_hash', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
