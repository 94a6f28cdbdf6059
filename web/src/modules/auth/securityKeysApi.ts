import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { z } from 'zod';
import type { AuthenticatedResponse } from '../../../../server/modules/auth/schema.ts';
import type {
  SecurityKeyList,
  SecurityKeySchema,
} from '../../../../server/modules/auth/webauthn-schema.ts';
import { ApiError, apiGet, apiSend } from '../../app/api';

/**
 * Security keys (WebAuthn), from `server/modules/auth/webauthn-routes.ts`. The browser talks to
 * the key (through @simplewebauthn/browser); the server hands out the challenge and checks the
 * answer.
 */
export type SecurityKey = z.infer<typeof SecurityKeySchema>;
type Authenticated = z.infer<typeof AuthenticatedResponse>;

export const SECURITY_KEYS_QUERY_KEY = ['auth', 'security-keys'] as const;

export const fetchSecurityKeys = (signal?: AbortSignal) =>
  apiGet<z.infer<typeof SecurityKeyList>>('/api/auth/webauthn/credentials', { signal });

/** Login step 2 with a key: a challenge from the server, the key's answer, back to the server. */
export async function logInWithSecurityKey(): Promise<Authenticated> {
  const optionsJSON = await apiSend<PublicKeyCredentialRequestOptionsJSON>(
    'POST',
    '/api/auth/webauthn/options',
  );
  const answer = await startAuthentication({ optionsJSON });
  return apiSend<Authenticated>('POST', '/api/auth/webauthn', answer);
}

/**
 * Registers a new key for the logged-in user under the given name; the current code from the
 * authenticator app confirms that it is really the user.
 */
export async function addSecurityKey(nickname: string, code: string): Promise<SecurityKey> {
  const optionsJSON = await apiSend<PublicKeyCredentialCreationOptionsJSON>(
    'POST',
    '/api/auth/webauthn/registration-options',
    { code },
  );
  const credential = await startRegistration({ optionsJSON });
  return apiSend<SecurityKey>('POST', '/api/auth/webauthn/credentials', { nickname, credential });
}

export const removeSecurityKey = (id: string) =>
  apiSend('DELETE', `/api/auth/webauthn/credentials/${encodeURIComponent(id)}`);

/**
 * What went wrong in the browser (not on the server), for a translated message: the user
 * cancelled or waited too long, the key is already registered, or something else.
 */
export type BrowserKeyProblem = 'cancelled' | 'alreadyRegistered' | 'failed';

export function browserKeyProblem(error: unknown): BrowserKeyProblem | null {
  if (!error || error instanceof ApiError) return null;
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidStateError') return 'alreadyRegistered';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'cancelled';
  return 'failed';
}
