import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import {
  countFailure,
  deleteThrottle,
  lockWhenOverLimit,
  longestLockMinutes,
} from './queries-throttle.ts';

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
  return (await longestLockMinutes(db, keys)) ?? 0;
}

export async function recordFailure(db: Kysely<DB>, key: string, limit: number): Promise<void> {
  const { windowMinutes, lockMinutes } = THROTTLE;
  await countFailure(db, key, windowMinutes);
  await lockWhenOverLimit(db, key, limit, lockMinutes);
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await deleteThrottle(db, key);
}
