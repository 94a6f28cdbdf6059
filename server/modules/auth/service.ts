import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { decryptField, encryptField, sha256 } from '../../platform/crypto.ts';
import type { LoginContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { dummyHash, verifyPassword } from '../../access/passwords.ts';
import { base32Encode, newTotpSecret, otpauthUrl, verifyTotp } from '../../access/totp.ts';
import {
  createSession,
  deleteSession,
  type LoadedSession,
  type SessionSettings,
} from '../../access/sessions.ts';
import {
  THROTTLE,
  clearFailures,
  lockedMinutes,
  recordFailure,
  throttleKeys,
} from '../../access/throttle.ts';
import { useTotpStep } from '../../access/queries-second-factors.ts';
import * as queries from './queries.ts';

/**
 * Login in two steps: password, then second factor (TOTP code or a one-time recovery code).
 * Every outcome is audited in the same transaction as its effect. Messages never reveal whether
 * an account exists: unknown user, wrong password and disabled account all get the same answer.
 * The services take the login path's request context (no user yet) and, where a session is
 * created, the app's session settings.
 */

function event(
  user: { id: string; roles: string[]; municipality_code: string | null } | undefined,
  action: AuditEvent['action'],
  ctx: LoginContext,
  details: AuditEvent['details'] = {},
): AuditEvent {
  return {
    municipalityCode: user?.municipality_code ?? null,
    actorUserId: user?.id ?? null,
    actorRole: user?.roles[0] ?? null,
    action,
    resourceType: 'session',
    requestId: ctx.requestId,
    details,
  };
}

async function ensureNotLocked(ctx: LoginContext, username: string) {
  const keys = throttleKeys(username, ctx.ip);
  const minutes = await lockedMinutes(ctx.db, [keys.account, keys.ip]);
  if (minutes > 0) throw new AppError('login_locked', { params: { minutes } });
}

async function failed(
  ctx: LoginContext,
  username: string,
  user: Parameters<typeof event>[0],
  reason: string,
) {
  const keys = throttleKeys(username, ctx.ip);
  await ctx.db.transaction().execute(async (trx) => {
    await recordFailure(trx, keys.account, THROTTLE.accountLimit);
    await recordFailure(trx, keys.ip, THROTTLE.ipLimit);
    await writeAudit(trx, ctx.keys.audit, event(user, 'login_failed', ctx, { reason }));
  });
}

type Account = NonNullable<Awaited<ReturnType<typeof queries.findUser>>>;

/** A failed second step: counted and audited as `failed`, answered with `code`. */
export async function refuse(
  ctx: LoginContext,
  user: Account,
  reason: string,
  code: ErrorCode,
): Promise<never> {
  await failed(ctx, user.username, user, reason);
  throw new AppError(code);
}

/**
 * The account of a pending session for a second step (TOTP code, recovery code, security key),
 * once the throttle allows another try; undefined when it is gone.
 */
export async function pendingAccount(ctx: LoginContext, session: LoadedSession) {
  await ensureNotLocked(ctx, session.user.username);
  return queries.findUser(ctx.db, { id: session.user.id });
}

/** The step of a TOTP code the account's secret accepts; undefined for a wrong or used code. */
function totpStep(ctx: LoginContext, user: Account, code: string) {
  if (!user.totp_secret_enc) return undefined;
  const secret = decryptField(ctx.keys.secret, user.totp_secret_enc, `totp:${user.id}`);
  return verifyTotp(secret, code, user.totp_last_step);
}

export async function login(
  ctx: LoginContext,
  settings: SessionSettings,
  username: string,
  password: string,
) {
  await ensureNotLocked(ctx, username);
  const user = await queries.findUser(ctx.db, { username });
  // Verify against a dummy hash for unknown accounts so timing does not tell them apart.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !ok || !user.password_hash || user.disabled_at) {
    await failed(
      ctx,
      username,
      user,
      !user ? 'unknown_account' : user.disabled_at ? 'disabled' : 'password',
    );
    throw new AppError('invalid_credentials');
  }
  const next = user.totp_enabled_at ? ('totp' as const) : ('enrol_totp' as const);
  const { token, csrfToken } = await ctx.db.transaction().execute(async (trx) => {
    await clearFailures(trx, throttleKeys(username, ctx.ip).account);
    return createSession(trx, user.id, 'password_ok', settings);
  });
  return { token, csrfToken, next };
}

/** Second step with a TOTP code: replaces the pending session by a full one (new token). */
export async function completeWithTotp(
  ctx: LoginContext,
  settings: SessionSettings,
  session: LoadedSession,
  code: string,
) {
  const user = await pendingAccount(ctx, session);
  if (!user?.totp_secret_enc || !user.totp_enabled_at) throw new AppError('invalid_code');
  const step = totpStep(ctx, user, code);
  if (step === undefined) return refuse(ctx, user, 'second_factor', 'invalid_code');
  return upgrade(ctx, settings, session, user, step, 'totp');
}

export async function completeWithRecoveryCode(
  ctx: LoginContext,
  settings: SessionSettings,
  session: LoadedSession,
  code: string,
) {
  const user = await pendingAccount(ctx, session);
  if (!user) throw new AppError('invalid_code');
  const normalised = code.replace('-', '');
  const used = await queries.useRecoveryCode(ctx.db, user.id, sha256(normalised));
  if (!used) return refuse(ctx, user, 'recovery_code', 'invalid_code');
  return upgrade(ctx, settings, session, user, undefined, 'recovery_code');
}

export async function upgrade(
  ctx: LoginContext,
  settings: SessionSettings,
  session: LoadedSession,
  user: Account,
  step: number | undefined,
  method: string,
) {
  return ctx.db.transaction().execute(async (trx) => {
    if (step !== undefined) {
      // Conditional update: two requests with the same code cannot both succeed.
      if (!(await useTotpStep(trx, user.id, step))) throw new AppError('invalid_code');
    }
    await deleteSession(trx, session.tokenHash);
    await clearFailures(trx, throttleKeys(user.username, ctx.ip).account);
    const created = await createSession(trx, user.id, 'authenticated', settings);
    await writeAudit(trx, ctx.keys.audit, event(user, 'login', ctx, { method }));
    return created;
  });
}

/** Starts (or restarts) TOTP enrolment for a user who has none: a new secret, not yet active. */
export async function startEnrolment(ctx: LoginContext, session: LoadedSession) {
  if (session.user.totpEnabled) throw new AppError('conflict');
  const secret = newTotpSecret();
  await queries.savePendingTotpSecret(
    ctx.db,
    session.user.id,
    encryptField(ctx.keys.secret, secret, `totp:${session.user.id}`),
  );
  const url = otpauthUrl(secret, session.user.username);
  return {
    secret,
    otpauthUrl: url,
    qrCodeDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }),
  };
}

export async function completeEnrolment(
  ctx: LoginContext,
  settings: SessionSettings,
  session: LoadedSession,
  code: string,
) {
  const user = await queries.findUser(ctx.db, { id: session.user.id });
  if (!user?.totp_secret_enc || user.totp_enabled_at) throw new AppError('conflict');
  const step = totpStep(ctx, user, code);
  if (step === undefined) return refuse(ctx, user, 'enrolment_code', 'invalid_code');
  const codes = Array.from({ length: 10 }, () => base32Encode(randomBytes(7)).slice(0, 10));
  const created = await ctx.db.transaction().execute(async (trx) => {
    await queries.enableTotp(trx, user.id);
    await queries.replaceRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => sha256(c)),
    );
    await writeAudit(trx, ctx.keys.audit, {
      ...event(user, 'permission_change', ctx, { change: 'totp_enrolled' }),
      resourceType: 'user',
      resourceId: user.id,
    });
    return { totp: step };
  });
  const tokens = await upgrade(
    ctx,
    settings,
    session,
    { ...user, totp_last_step: null },
    created.totp,
    'totp_enrolment',
  );
  return { ...tokens, recoveryCodes: codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`) };
}

export async function logout(ctx: LoginContext, session: LoadedSession) {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.tokenHash);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: session.user.municipalityCode,
      actorUserId: session.user.id,
      actorRole: session.user.roles[0] ?? null,
      action: 'logout',
      resourceType: 'session',
      requestId: ctx.requestId,
    });
  });
}

/**
 * The names of the user's municipality and police district shown in the header, in one round
 * trip (the session query has only the ids).
 */
export async function headerPlaces(db: Kysely<DB>, userId: string) {
  const names = await queries.headerPlaceNames(db, userId);
  const municipality = names?.code && names.name ? { code: names.code, name: names.name } : null;
  const district =
    names?.district_id && names.district_name
      ? { id: names.district_id, name: names.district_name }
      : null;
  return { municipality, district };
}
