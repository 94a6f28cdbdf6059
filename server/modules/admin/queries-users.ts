import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`): users are the administration's across municipalities
 * (a system administrator's scope is all of them, and some users are outside any). So the
 * writes here match a user by id only; the service has found the user inside the caller's
 * scope (`findUser`) in the same transaction first. Inserts take the municipality the service
 * placed the user in.
 */

/** The administration's writes of users and user_units (and the version a stale change answers). */

/** The version stored for a user or a unit; undefined when the row is gone. */
export async function storedVersion(
  trx: Transaction<DB>,
  table: 'users' | 'units',
  id: string,
): Promise<number | undefined> {
  const row = await trx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  return row?.version;
}

/** A new user with the password set now; its id, or undefined when the username is taken. */
export async function insertUser(
  trx: Transaction<DB>,
  values: {
    username: string;
    display_name: string;
    roles: string[];
    municipality_code: string | null;
    police_district_id: number | null;
    email: string | null;
    password_hash: string;
  },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('users')
    .values({ ...values, password_changed_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Puts the user in each of the units (at least one). */
export async function insertUserUnits(
  trx: Transaction<DB>,
  userId: string,
  unitIds: readonly string[],
): Promise<void> {
  await trx
    .insertInto('user_units')
    .values(unitIds.map((unitId) => ({ user_id: userId, unit_id: unitId })))
    .execute();
}

/** Takes the user out of all their units. */
export async function deleteUserUnits(trx: Transaction<DB>, userId: string): Promise<void> {
  await trx.deleteFrom('user_units').where('user_id', '=', userId).execute();
}

/**
 * Stores a user's name, email and roles if the user is still at `version`; the new version, or
 * undefined when someone else changed the user first.
 */
export async function updateUserRow(
  trx: Transaction<DB>,
  id: string,
  version: number,
  values: { display_name: string; email: string | null; roles: string[] },
): Promise<{ version: number } | undefined> {
  return trx
    .updateTable('users')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** Disables (or enables) the user unless already so; whether the user changed. */
export async function setUserDisabled(
  trx: Transaction<DB>,
  id: string,
  disable: boolean,
): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({
      disabled_at: disable ? sql`now()` : null,
      version: sql<number>`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('disabled_at', disable ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Counts a change made elsewhere (the second factor reset) in the user's version. */
export async function bumpUserVersion(trx: Transaction<DB>, id: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
