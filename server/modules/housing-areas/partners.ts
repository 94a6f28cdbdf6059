import { areaAbilities, requireArea, requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { auditAreaChange } from './audit.ts';
import { presentArea } from './present.ts';
import * as q from './queries-partners.ts';
import type { Area, GrantPartner } from './schema.ts';

/**
 * The partners of an area (issue 16 part 1): users outside its team granted the area by its
 * managers — the municipality's partner users (housing social workers, front-line staff at a
 * partner organisation) or its municipal staff not on the team. A grant says whether they
 * contribute to the mapping rounds and whether they see the overview. Revoked, never deleted.
 */

async function managedArea(
  ctx: RequestContext,
  trx: Parameters<typeof requireArea>[0],
  areaId: string,
) {
  const access = await requireArea(trx, ctx.user, areaId);
  requireAreaRight(areaAbilities(access, ctx.user).manage);
  return access;
}

export async function partnerChoices(ctx: RequestContext, areaId: string) {
  const access = await managedArea(ctx, ctx.db, areaId);
  const rows = await q.partnerCandidates(ctx.db, access.municipalityCode, access.teamForumId);
  return {
    items: rows.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      isPartnerUser: r.is_partner_user,
    })),
  };
}

/** Grants the area to a user the caller may invite (a field problem for any other id). */
export async function grantPartner(
  ctx: RequestContext,
  areaId: string,
  body: GrantPartner,
): Promise<Area> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await managedArea(ctx, trx, areaId);
    const code = access.municipalityCode;
    const [candidate] = await q.partnerCandidates(trx, code, access.teamForumId, body.userId);
    if (!candidate) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.userId', code: 'area_partner_unknown' }],
      });
    }
    const existing = await q.lockPartner(trx, code, areaId, body.userId);
    const terms = { may_contribute: body.mayContribute, sees_overview: body.seesOverview };
    if (!existing) {
      await q.insertPartner(trx, {
        area_id: areaId,
        user_id: body.userId,
        municipality_code: code,
        granted_by: ctx.user.id,
        ...terms,
      });
    } else if (existing.revoked_at !== null) {
      await q.updatePartner(trx, code, areaId, body.userId, existing.version, {
        ...terms,
        revoked_at: null,
        granted_by: ctx.user.id,
        granted_at: new Date(),
      });
    } else {
      throw new AppError('duplicate', {
        fields: [{ field: 'body.userId', code: 'area_partner_exists' }],
      });
    }
    await auditAreaChange(trx, ctx, code, {
      action: 'create',
      resourceType: 'housing_area_partner',
      resourceId: body.userId,
      details: { areaId, mayContribute: body.mayContribute, seesOverview: body.seesOverview },
    });
    return presentArea(trx, ctx.user, access);
  });
}

/** Changes a live grant's terms, or revokes it; optimistic locking on the grant's version. */
export async function changePartner(
  ctx: RequestContext,
  areaId: string,
  userId: string,
  body: { version: number; mayContribute?: boolean; seesOverview?: boolean; revoke?: true },
): Promise<Area> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await managedArea(ctx, trx, areaId);
    const code = access.municipalityCode;
    const existing = await q.lockPartner(trx, code, areaId, userId);
    if (!existing || existing.revoked_at !== null) throw new AppError('not_found');
    requireVersion(existing.version, body.version);
    const change = body.revoke
      ? { revoked_at: new Date() }
      : { may_contribute: body.mayContribute, sees_overview: body.seesOverview };
    if (!(await q.updatePartner(trx, code, areaId, userId, body.version, change))) {
      throw staleVersion(existing.version);
    }
    await auditAreaChange(trx, ctx, code, {
      action: body.revoke ? 'delete' : 'update',
      resourceType: 'housing_area_partner',
      resourceId: userId,
      details: body.revoke
        ? { areaId, revoked: true }
        : {
            areaId,
            mayContribute: body.mayContribute ?? null,
            seesOverview: body.seesOverview ?? null,
          },
    });
    return presentArea(trx, ctx.user, access);
  });
}
