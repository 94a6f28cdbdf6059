import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { activatePartner } from '../../access/partner-accounts.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { LoginContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { clearActivationToken, partnerByToken } from './queries-partner-users.ts';

/**
 * A new partner sets their password from the invitation e-mail's link (the token, valid for 14
 * days, used once; only its SHA-256 is stored). The account is enabled; the partner then logs in
 * like staff and enrols the second factor at the first login. An unknown, used or expired token
 * answers 404 and changes nothing, as does a token for an account that has a password already.
 */
export async function activatePartnerAccount(
  ctx: LoginContext,
  body: { token: string; password: string },
  now = new Date(),
): Promise<{ username: string }> {
  const tokenHash = createHash('sha256').update(body.token).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    const partner = await partnerByToken(trx, tokenHash, now);
    if (!partner) throw new AppError('not_found');
    await activatePartner(trx, { id: partner.user_id, username: partner.username }, body.password);
    await clearActivationToken(trx, partner.user_id);
    await writeAudit(trx, ctx.keys.audit, [
      {
        municipalityCode: partner.municipality_code,
        actorUserId: partner.user_id,
        actorRole: 'partner',
        actorUnitId: null,
        breakGlass: false,
        action: 'permission_change',
        resourceType: 'user',
        resourceId: partner.user_id,
        requestId: ctx.requestId,
        details: { change: 'partner_activated' },
      },
    ]);
    return { username: partner.username };
  });
}

/**
 * An administrator disabled the user: an activation link still unused is revoked with it, so it
 * cannot enable the account again (the admin module calls this in the disabling transaction).
 * Whether there was one.
 */
export async function revokePartnerActivation(
  trx: Transaction<DB>,
  userId: string,
): Promise<boolean> {
  return clearActivationToken(trx, userId);
}
