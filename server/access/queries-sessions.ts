import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/*
 * Sessions belong to a user, not to a municipality: the tables here (sessions, users,
 * user_units) carry no tenant key. A session is found by the SHA-256 of its token only.
 */

/** The sessions' SQL: every read and write of sessions goes through here. */

/** A new session row that expires `lifetimeMinutes` from now. */
export async function insertSession(
  db: Kysely<DB>,
  values: { token_hash: string; user_id: string; state: string; csrf_token: string },
  lifetimeMinutes: number,
) {
  await db
    .insertInto('sessions')
    .values({
      ...values,
      expires_at: sql<Date>`now() + make_interval(mins => ${lifetimeMinutes})`,
    })
    .execute();
}

/**
 * The session with its user, roles and units, whether it is dead (expired, idle longer than
 * `idleMinutes`, or its user disabled) and whether its last-seen time is stale (30 seconds).
 */
export async function sessionWithUser(db: Kysely<DB>, tokenHash: string, idleMinutes: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.state',
      's.csrf_token',
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.municipality_code',
      'u.police_district_id',
      sql<boolean>`u.totp_enabled_at is not null`.as('totp_enabled'),
      sql<
        string[]
      >`coalesce((select array_agg(uu.unit_id::text order by uu.unit_id) from user_units uu where uu.user_id = u.id), '{}')`.as(
        'unit_ids',
      ),
      sql<boolean>`s.expires_at <= now()
        or s.last_seen_at <= now() - make_interval(mins => ${idleMinutes})
        or u.disabled_at is not null`.as('dead'),
      sql<boolean>`s.last_seen_at <= now() - interval '30 seconds'`.as('stale'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the session seen now. */
export async function touchSession(db: Kysely<DB>, tokenHash: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Deletes the session with this token hash. */
export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of the user. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
