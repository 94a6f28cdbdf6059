import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-limits.ts';

/**
 * Passwords: at least 12 characters, not on the list of common passwords (the ~49,000 most
 * common passwords shipped with @zxcvbn-ts/language-common), not containing the username.
 * Hashed with Argon2id (OWASP's minimum: 19 MiB memory, 2 iterations).
 */
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
// Algorithm.Argon2id is a const enum (2), which isolated modules cannot import by name.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username';

export function passwordProblem(password: string, username?: string): PasswordProblem | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    return 'contains_username';
  }
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-for-timing');
  return dummy;
}
