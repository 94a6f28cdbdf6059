import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { activatePartnerAccount, insertPartnerAccount } from './queries-partner-accounts.ts';

/**
 * A partner user's account (issue 13 part 1). A partner logs in exactly like staff (password,
 * then the second factor they enrol at first login); the account has the single role `partner`
 * and is created inactive until the person sets a password from the invitation e-mail.
 */

/** A username from the e-mail address: its letters, digits and dots, and a number if taken. */
function usernameFrom(email: string, attempt: number): string {
  const base = email
    .toLowerCase()
    .replace(/@/g, '.')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 50);
  const stem = base.length >= 3 ? base : `partner.${base}`;
  return attempt === 0 ? stem : `${stem}.${randomInt(100, 999)}`;
}

/** Creates the inactive account of a new partner user; its id and username. */
export async function createPartnerAccount(
  trx: Transaction<DB>,
  values: { displayName: string; email: string; municipalityCode: string },
): Promise<{ id: string; username: string }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const username = usernameFrom(values.email, attempt);
    const row = await insertPartnerAccount(trx, { ...values, username });
    if (row) return { id: row.id, username };
  }
  throw new AppError('duplicate', {
    fields: [{ field: 'body.newPartner.email', code: 'duplicate' }],
  });
}

/** Sets the first password (the same rules as every password) and enables the account. */
export async function activatePartner(
  trx: Transaction<DB>,
  user: { id: string; username: string },
  password: string,
): Promise<void> {
  const problem = passwordProblem(password, user.username);
  if (problem) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.password', code: `password_${problem}` }],
    });
  }
  if (!(await activatePartnerAccount(trx, user.id, await hashPassword(password)))) {
    throw new AppError('not_found');
  }
}
