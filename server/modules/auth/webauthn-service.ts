import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../platform/errors.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { LoadedSession } from '../../access/sessions.ts';
import {
  MAX_SECURITY_KEYS,
  keyNotAdded,
  recordKeyUse,
  verifyAuthentication,
  verifyRegistration,
  type RelyingParty,
} from '../../access/webauthn.ts';
import type { LoginContext } from '../../platform/context.ts';
import type { SessionSettings } from '../../access/sessions.ts';
import { pendingAccount, refuse, upgrade } from './service.ts';
import * as queries from './queries-security-keys.ts';

/**
 * Security keys: logging in with one (second step, like the TOTP code) and managing one's own
 * keys. Every change is audited in its transaction; key material never leaves the server and is
 * never audited (the nickname neither: it is free text).
 */
function keyEvent(
  ctx: LoginContext,
  session: LoadedSession,
  action: AuditEvent['action'],
  keyId: string,
): AuditEvent {
  return {
    municipalityCode: session.user.municipalityCode,
    actorUserId: session.user.id,
    actorRole: session.user.roles[0] ?? null,
    action,
    resourceType: 'webauthn_credential',
    resourceId: keyId,
    requestId: ctx.requestId,
  };
}

/**
 * Second step with a security key: replaces the pending session by a full one (new token), as
 * the TOTP code does. A failure counts in the login throttle like a wrong code.
 */
export async function completeWithSecurityKey(
  ctx: LoginContext,
  settings: SessionSettings,
  session: LoadedSession,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
) {
  const user = await pendingAccount(ctx, session);
  if (!user) throw new AppError('security_key_failed');
  const result = await verifyAuthentication(ctx.db, session, rp, response);
  if (!result.ok) {
    return refuse(ctx, user, `security_key_${result.reason}`, 'security_key_failed');
  }
  // The counter is the replay guard: only one of two requests with the same answer gets here.
  if (!(await recordKeyUse(ctx.db, result))) {
    return refuse(ctx, user, 'security_key_counter', 'security_key_failed');
  }
  return upgrade(ctx, settings, session, user, undefined, 'webauthn');
}

export async function listSecurityKeys(ctx: LoginContext, session: LoadedSession) {
  const rows = await queries.securityKeyRows(ctx.db, session.user.id);
  return rows.map((r) => ({
    id: r.id,
    nickname: r.nickname,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

/** Registers the key the browser created for the registration options just given. */
export async function addSecurityKey(
  ctx: LoginContext,
  session: LoadedSession,
  rp: RelyingParty,
  nickname: string,
  response: RegistrationResponseJSON,
) {
  const key = await verifyRegistration(ctx.db, session, rp, response);
  return ctx.db.transaction().execute(async (trx) => {
    // Serialises one user's registrations, so the limit holds when two arrive at once.
    await queries.lockUserRow(trx, session.user.id);
    const count = await queries.countSecurityKeys(trx, session.user.id);
    if (count >= MAX_SECURITY_KEYS) {
      throw new AppError('security_key_limit', { params: { max: MAX_SECURITY_KEYS } });
    }
    const row = await queries.insertSecurityKey(trx, {
      user_id: session.user.id,
      credential_id: key.credentialId,
      public_key: key.publicKey,
      sign_count: key.counter,
      transports: key.transports,
      nickname,
    });
    // The same key registered before (by anyone): not added again.
    if (!row) throw keyNotAdded();
    await writeAudit(trx, ctx.keys.audit, keyEvent(ctx, session, 'create', row.id));
    return {
      id: row.id,
      nickname: row.nickname,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: null,
    };
  });
}

/** Removes one of the user's own keys; someone else's id is not found (404), as a missing one. */
export async function removeSecurityKey(ctx: LoginContext, session: LoadedSession, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await queries.deleteSecurityKey(trx, session.user.id, id);
    if (!row) throw new AppError('not_found');
    await writeAudit(trx, ctx.keys.audit, keyEvent(ctx, session, 'delete', row.id));
  });
}
