import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/*
 * Security keys belong to a user and challenges to a session, not to a municipality:
 * webauthn_credentials and webauthn_challenges carry no tenant key.
 */

/** The security keys' SQL: the user's keys and the session's challenges. */

export type ChallengePurpose = 'registration' | 'authentication';

/** Stores the session's challenge for a purpose for `lifetimeMinutes`, replacing an earlier one. */
export async function upsertChallenge(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: ChallengePurpose,
  value: string,
  lifetimeMinutes: number,
) {
  await db
    .insertInto('webauthn_challenges')
    .values({
      session_token_hash: tokenHash,
      purpose,
      challenge: value,
      expires_at: sql<Date>`now() + make_interval(mins => ${lifetimeMinutes})`,
    })
    .onConflict((oc) =>
      oc.columns(['session_token_hash', 'purpose']).doUpdateSet({
        challenge: (eb) => eb.ref('excluded.challenge'),
        expires_at: (eb) => eb.ref('excluded.expires_at'),
        created_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Deletes the session's challenge for a purpose; what it was and whether it was still live. */
export async function deleteChallenge(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: ChallengePurpose,
) {
  return db
    .deleteFrom('webauthn_challenges')
    .where('session_token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .returning(['challenge', sql<boolean>`expires_at > now()`.as('live')])
    .executeTakeFirst();
}

/** The user's security keys, oldest first. */
export async function securityKeyRows(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('webauthn_credentials')
    .select(['id', 'credential_id', 'public_key', 'sign_count', 'transports'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Some security key of the user (its id), or undefined when they have none. */
export async function anySecurityKey(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('webauthn_credentials')
    .select('id')
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
}

/** The user's security key with this credential id, or undefined. */
export async function userSecurityKey(db: Kysely<DB>, userId: string, credentialId: string) {
  return db
    .selectFrom('webauthn_credentials')
    .select(['id', 'credential_id', 'public_key', 'sign_count', 'transports'])
    .where('user_id', '=', userId)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

/**
 * Stores the key's new counter and the time of use, if its counter is still `previousCounter`;
 * whether it was.
 */
export async function updateKeyCounter(
  db: Kysely<DB>,
  keyId: string,
  previousCounter: number,
  newCounter: number,
) {
  const updated = await db
    .updateTable('webauthn_credentials')
    .set({ sign_count: newCounter, last_used_at: sql<Date>`now()` })
    .where('id', '=', keyId)
    .where('sign_count', '=', previousCounter)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
