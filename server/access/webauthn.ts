import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import {
  anySecurityKey,
  deleteChallenge,
  securityKeyRows,
  updateKeyCounter,
  upsertChallenge,
  userSecurityKey,
  type ChallengePurpose,
} from './queries-webauthn.ts';
import type { LoadedSession } from './sessions.ts';

/**
 * WebAuthn security keys as a second factor (the password is always the first). The protocol
 * checks are @simplewebauthn/server's; this file decides the relying party, keeps the challenges
 * and the credentials in the database, and turns every failure into a stable answer.
 *
 * Relying party: the RP ID is the host name the browser used (Host header, or X-Forwarded-Host
 * when TOVHOLDER_TRUST_PROXY is set) and the expected origin is `https://<host>`; on localhost
 * `http://<host>` is accepted too, for development and tests. Browsers refuse WebAuthn on other
 * plain-http sites and on IP addresses, so use `http://localhost:<port>` rather than 127.0.0.1.
 * A key is bound to the host name it was registered on: moving the installation to another host
 * name means registering the keys again. The guard refuses state changes whose Origin header
 * names another host, and the browser puts the real origin into the signed client data, so a
 * look-alike site cannot use a key registered here.
 */
export const RP_NAME = 'Tovholder';
/** How long the browser may wait for the key (ms), and how long a challenge lives (minutes). */
const TIMEOUT_MS = 120_000;
const CHALLENGE_MINUTES = 5;
/** At most this many keys per user. */
export const MAX_SECURITY_KEYS = 10;
/** ES256, EdDSA and RS256: what security keys and platform authenticators offer. */
const ALGORITHMS = [-7, -8, -257];
const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface RelyingParty {
  id: string;
  name: string;
  origins: string[];
}

/** The relying party of this request (see above). */
export function relyingParty(request: { host: string; hostname: string }): RelyingParty {
  const local = LOCAL_HOSTS.has(request.hostname);
  return {
    id: request.hostname,
    name: RP_NAME,
    origins: local
      ? [`http://${request.host}`, `https://${request.host}`]
      : [`https://${request.host}`],
  };
}

/** Stores the session's challenge for a purpose, replacing an earlier one. */
async function saveChallenge(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: ChallengePurpose,
  value: string,
) {
  await upsertChallenge(db, tokenHash, purpose, value, CHALLENGE_MINUTES);
}

/**
 * Takes (deletes) the session's challenge: each answers once, right or wrong, and two requests
 * racing with the same answer cannot both get it. Undefined when there is none or it expired.
 */
async function takeChallenge(
  db: Kysely<DB>,
  tokenHash: string,
  purpose: ChallengePurpose,
): Promise<string | undefined> {
  const row = await deleteChallenge(db, tokenHash, purpose);
  return row?.live ? row.challenge : undefined;
}

/** The WebAuthn user handle: the user's id as 16 bytes (no name, no e-mail). */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
}

/** Whether the user has at least one security key (for the login step's choices). */
export async function hasSecurityKey(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await anySecurityKey(db, userId);
  return row !== undefined;
}

/** Options for `navigator.credentials.create()`: a new key for the logged-in user. */
export async function registrationOptions(
  db: Kysely<DB>,
  session: LoadedSession,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await securityKeyRows(db, session.user.id);
  if (existing.length >= MAX_SECURITY_KEYS) {
    throw new AppError('security_key_limit', { params: { max: MAX_SECURITY_KEYS } });
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: userHandle(session.user.id),
    userName: session.user.username,
    userDisplayName: session.user.displayName,
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    // The same key twice would only look like two; the browser says it is already registered.
    excludeCredentials: existing.map((k) => ({ id: k.credential_id, transports: k.transports })),
    // A second factor: touching the key is enough, no PIN, and nothing stored on the key.
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'discouraged' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  await saveChallenge(db, session.tokenHash, 'registration', options.challenge);
  return options;
}

export interface NewSecurityKey {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
}

/** The browser's answer (`body.credential`) did not prove a new key: 400 naming the field. */
export function keyNotAdded(cause?: unknown): AppError {
  return new AppError('security_key_not_added', {
    fields: [{ field: 'body.credential', code: 'security_key_not_verified' }],
    cause,
  });
}

/** Checks the browser's answer to the registration options; throws when it does not hold. */
export async function verifyRegistration(
  db: Kysely<DB>,
  session: LoadedSession,
  rp: RelyingParty,
  response: RegistrationResponseJSON,
): Promise<NewSecurityKey> {
  const challenge = await takeChallenge(db, session.tokenHash, 'registration');
  if (!challenge) throw keyNotAdded();
  let result;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (cause) {
    throw keyNotAdded(cause);
  }
  if (!result.verified) throw keyNotAdded();
  const { credential } = result.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: (credential.transports ?? []).filter((t) => TRANSPORTS.has(t)),
  };
}

/** Options for `navigator.credentials.get()`: any of the pending user's keys. */
export async function authenticationOptions(
  db: Kysely<DB>,
  session: LoadedSession,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const keys = await securityKeyRows(db, session.user.id);
  if (keys.length === 0) throw new AppError('not_found');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.credential_id, transports: k.transports })),
    userVerification: 'discouraged',
    timeout: TIMEOUT_MS,
  });
  await saveChallenge(db, session.tokenHash, 'authentication', options.challenge);
  return options;
}

/**
 * The outcome of a login answer. Failure reasons (audited as `security_key_<reason>`): no live
 * challenge, a key that is not the user's, a counter that did not grow, or an answer that does
 * not verify (challenge, origin, RP ID or signature).
 */
export type AssertionResult =
  | { ok: true; keyId: string; previousCounter: number; newCounter: number }
  | { ok: false; reason: 'no_challenge' | 'unknown_key' | 'counter' | 'invalid' };

/** The signature counter the authenticator data claims (bytes 33–36), before it is verified. */
function claimedCounter(authenticatorData: string): number | undefined {
  const bytes = Buffer.from(authenticatorData, 'base64url');
  return bytes.length >= 37 ? bytes.readUInt32BE(33) : undefined;
}

/**
 * Checks the browser's answer to the authentication options against the pending user's own keys.
 * A key of another user is unknown here. The signature counter must grow whenever the key or the
 * stored value is non-zero (a key that counts backwards may be a clone). Never throws for a
 * wrong answer: the caller counts the failure in the login throttle.
 */
export async function verifyAuthentication(
  db: Kysely<DB>,
  session: LoadedSession,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
): Promise<AssertionResult> {
  const challenge = await takeChallenge(db, session.tokenHash, 'authentication');
  if (!challenge) return { ok: false, reason: 'no_challenge' };
  const key = await userSecurityKey(db, session.user.id, response.id);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const claimed = claimedCounter(response.response.authenticatorData);
  const regressed =
    claimed !== undefined && (claimed > 0 || key.sign_count > 0) && claimed <= key.sign_count;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: key.credential_id,
        publicKey: new Uint8Array(Buffer.from(key.public_key, 'base64url')),
        counter: key.sign_count,
        transports: key.transports,
      },
      requireUserVerification: false,
    });
    if (!result.verified) return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      keyId: key.id,
      previousCounter: key.sign_count,
      newCounter: result.authenticationInfo.newCounter,
    };
  } catch {
    return { ok: false, reason: regressed ? 'counter' : 'invalid' };
  }
}

/**
 * Stores the new counter and the time of use. Conditional on the counter read before, so two
 * simultaneous uses of one answer cannot both pass. False when another request got there first.
 */
export async function recordKeyUse(
  db: Kysely<DB>,
  result: Extract<AssertionResult, { ok: true }>,
): Promise<boolean> {
  return updateKeyCounter(db, result.keyId, result.previousCounter, result.newCounter);
}
