import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { decryptField } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { enabledTotp, useTotpStep } from './queries-second-factors.ts';
import { lockedMinutes, recordFailure, THROTTLE, throttleKeys } from './throttle.ts';
import { verifyTotp } from './totp.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Re-entering the second factor for a sensitive step (break-the-glass). Wrong codes count against
 * the same per-account limit as logins, so the step cannot be used to guess codes. Returns the
 * accepted TOTP step; `consumeStep` must then run inside the action's transaction, so the same
 * code cannot be used twice.
 */
export async function verifySecondFactorAgain(
  db: Kysely<DB>,
  secretKey: Buffer,
  user: CurrentUser,
  code: string,
  ip: string,
): Promise<number> {
  const keys = throttleKeys(user.username, ip);
  const minutes = await lockedMinutes(db, [keys.account]);
  if (minutes > 0) throw new AppError('login_locked', { params: { minutes } });
  const row = await enabledTotp(db, user.id);
  const secret = row?.totp_secret_enc
    ? decryptField(secretKey, row.totp_secret_enc, `totp:${user.id}`)
    : undefined;
  const step =
    secret === undefined ? undefined : verifyTotp(secret, code, row?.totp_last_step ?? null);
  if (step === undefined) {
    await recordFailure(db, keys.account, THROTTLE.accountLimit);
    throw new AppError('invalid_code', { fields: [{ field: 'body.code', code: 'invalid_code' }] });
  }
  return step;
}

/** Marks the TOTP step used; fails if a concurrent request used it first. */
export async function consumeStep(trx: Transaction<DB>, userId: string, step: number) {
  if (!(await useTotpStep(trx, userId, step))) {
    throw new AppError('invalid_code', { fields: [{ field: 'body.code', code: 'invalid_code' }] });
  }
}
