import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { sha256 } from '../platform/crypto.ts';
import { deleteSession, insertSession, sessionWithUser, touchSession } from './queries-sessions.ts';
import { RoleSchema, type Role } from './roles.ts';

/**
 * Server-side sessions in the database, so several app processes share them. The cookie holds a
 * random token; the database holds only its SHA-256. A session is `password_ok` after the
 * password (it can only complete the second factor) and `authenticated` after it; each step gets
 * a new token (no session fixation).
 */
export const SESSION_COOKIE = 'tovholder_session';
const PENDING_MINUTES = 10;

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  municipalityCode: string | null;
  policeDistrictId: number | null;
  unitIds: string[];
  totpEnabled: boolean;
}

export interface LoadedSession {
  tokenHash: string;
  state: 'password_ok' | 'authenticated';
  csrfToken: string;
  user: CurrentUser;
}

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  state: LoadedSession['state'],
  settings: SessionSettings,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const lifetimeMinutes = state === 'authenticated' ? settings.absoluteHours * 60 : PENDING_MINUTES;
  await insertSession(
    db,
    { token_hash: sha256(token), user_id: userId, state, csrf_token: csrfToken },
    lifetimeMinutes,
  );
  return { token, csrfToken };
}

/**
 * One round trip: the session with its user, roles and units — read fresh on every request, so
 * disabling a user or changing roles takes effect on their next request. Expired, idle or
 * disabled sessions are deleted and count as no session.
 */
export async function loadSession(
  db: Kysely<DB>,
  token: string,
  settings: SessionSettings,
): Promise<LoadedSession | undefined> {
  const tokenHash = sha256(token);
  const row = await sessionWithUser(db, tokenHash, settings.idleMinutes);
  if (!row) return undefined;
  if (row.dead) {
    await deleteSession(db, tokenHash);
    return undefined;
  }
  if (row.stale) {
    await touchSession(db, tokenHash);
  }
  return {
    tokenHash,
    state: row.state === 'authenticated' ? 'authenticated' : 'password_ok',
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles.map((r) => RoleSchema.parse(r)),
      municipalityCode: row.municipality_code,
      policeDistrictId: row.police_district_id,
      unitIds: row.unit_ids,
      totpEnabled: row.totp_enabled,
    },
  };
}

// Ending sessions is the repository's plain SQL; callers import it here.
export { deleteSession, deleteUserSessions } from './queries-sessions.ts';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds?: number): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}
