import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { clearTotp, deleteRecoveryCodes, deleteSecurityKeys } from './queries-second-factors.ts';
import { deleteUserSessions } from './sessions.ts';

/**
 * Removes every second factor of a user (the TOTP secret, the recovery codes and any WebAuthn
 * security keys) and ends their sessions. On the next login the user must enrol a second factor
 * again before they can do anything. Runs in the caller's transaction, so the administrator's
 * audit entry and the reset commit together.
 */
export async function resetSecondFactors(trx: Transaction<DB>, userId: string): Promise<void> {
  await clearTotp(trx, userId);
  await deleteRecoveryCodes(trx, userId);
  await deleteSecurityKeys(trx, userId);
  await deleteUserSessions(trx, userId);
}
