import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * Login throttling shared by all app processes (it lives in the database). Failures are counted
 * per account name (whether or not it exists) and per client address within a window; over the
 * limit the key is locked for a while. A success clears the account's count.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountLimit: 5,
  ipLimit: 30,
};

export function throttleKeys(username: string, ip: string) {
  return { account: `account:${username.toLowerCase()}`, ip: `ip:${ip}` };
}

/** Minutes left of the longest lock among the keys, or 0 when none is locked. */
export async function lockedMinutes(db: Kysely<DB>, keys: string[]): Promise<number> {
  const row = await db
    .selectFrom('login_throttle')
    .select(
      sql<number>`ceil(extract(epoch from max(locked_until) - now()) / 60)::int`.as('minutes'),
    )
    .where('key', 'in', keys)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.minutes ?? 0;
}

export async function recordFailure(db: Kysely<DB>, key: string, limit: number): Promise<void> {
  const { windowMinutes, lockMinutes } = THROTTLE;
  await sql`
    insert into login_throttle as t (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - make_interval(mins => ${windowMinutes})
                      then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - make_interval(mins => ${windowMinutes})
                               then now() else t.window_started_at end`.execute(db);
  await sql`
    update login_throttle
       set locked_until = now() + make_interval(mins => ${lockMinutes}), failures = 0, window_started_at = now()
     where key = ${key} and failures >= ${limit}`.execute(db);
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
