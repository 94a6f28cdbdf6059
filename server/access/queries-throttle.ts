import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/*
 * The login throttle counts per account name and per client address, not per municipality:
 * login_throttle carries no tenant key, and its keys are the ones `throttleKeys` builds.
 */

/** The login throttle's SQL: every read and write of login_throttle goes through here. */

/** Minutes left of the longest live lock among the keys (rounded up); undefined when none. */
export async function longestLockMinutes(db: Kysely<DB>, keys: string[]) {
  const row = await db
    .selectFrom('login_throttle')
    .select(
      sql<number>`ceil(extract(epoch from max(locked_until) - now()) / 60)::int`.as('minutes'),
    )
    .where('key', 'in', keys)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.minutes;
}

/** Counts one failure for the key, starting a new window when the last began too long ago. */
export async function countFailure(db: Kysely<DB>, key: string, windowMinutes: number) {
  await sql`
    insert into login_throttle as t (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - make_interval(mins => ${windowMinutes})
                      then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - make_interval(mins => ${windowMinutes})
                               then now() else t.window_started_at end`.execute(db);
}

/** Locks the key for `lockMinutes` (and restarts its count) when it has `limit` failures. */
export async function lockWhenOverLimit(
  db: Kysely<DB>,
  key: string,
  limit: number,
  lockMinutes: number,
) {
  await sql`
    update login_throttle
       set locked_until = now() + make_interval(mins => ${lockMinutes}), failures = 0, window_started_at = now()
     where key = ${key} and failures >= ${limit}`.execute(db);
}

/** Deletes the key's count and lock. */
export async function deleteThrottle(db: Kysely<DB>, key: string) {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
