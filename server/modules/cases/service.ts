import { requireCaseAbility } from '../../access/case-abilities.ts';
import { notifyFrom } from '../notifications/service.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { consumeStep, verifySecondFactorAgain } from '../../access/reauth.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { z } from 'zod';
import { unitInMunicipality } from '../admin/queries-units.ts';
import { recordPoliceMemberAdded } from '../disclosures/product-entries.ts';
import { auditMembership } from './case-work.ts';
import { addCaseEvent } from './chronology.ts';
import { casePersonIds } from './queries-chronology.ts';
import {
  activeUserOfArea,
  breakGlassRecipients,
  caseByReference,
  coordinatorCount,
  deleteMember,
  insertBreakGlassGrant,
  insertMember,
  userDisplayName,
} from './queries-members.ts';
import type { AddMemberBody, BreakGlassBody } from './schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): memberships and grants are written
 * with the case's key and read and deleted matching it (queries-members.ts); the chronology's
 * events get theirs from the trigger (queries-chronology.ts).
 */

/** Which user roles may hold which role in a case. */
export const MAY_HOLD: Record<'coordinator' | 'forum' | 'member', readonly string[]> = {
  coordinator: ['coordinator'],
  forum: ['coordinator', 'forum_member', 'police_contact'],
  member: ['coordinator', 'forum_member', 'caseworker', 'police_contact', 'mentor'],
};

/**
 * Adds a member to a case. Only the case's coordinators may; the new member must work in the
 * case's municipality (or its police district) and hold a user role that fits the case role.
 */
export async function addMember(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof AddMemberBody>,
): Promise<void> {
  requireCaseAbility(access, 'members', 'write');
  await ctx.db.transaction().execute(async (trx) => {
    const target = await activeUserOfArea(trx, access.municipalityCode, body.userId);
    if (!target || !target.roles.some((r) => MAY_HOLD[body.role].includes(r))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.userId', code: 'member_not_eligible' }],
      });
    }
    if (body.role !== 'member' && body.scope !== 'full') {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.scope', code: 'scope_full_only' }],
      });
    }
    if (body.unitId && !(await unitInMunicipality(trx, body.unitId, access.municipalityCode))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.unitId', code: 'invalid_value' }],
      });
    }
    const inserted = await insertMember(trx, access, {
      userId: body.userId,
      role: body.role,
      scope: body.scope,
      unitId: body.unitId,
      addedBy: ctx.user.id,
    });
    if (!inserted) throw new AppError('already_member');
    await addCaseEvent(trx, access.caseId, ctx.user.id, 'member_added', {
      member: { from: null, to: target.display_name },
      role: { from: null, to: body.role },
      scope: { from: null, to: body.scope },
    });
    await auditMembership(trx, ctx, access, {
      change: 'member_added',
      memberUserId: body.userId,
      role: body.role,
      scope: body.scope,
    });
    // The police receive the case's information: the product registers the disclosure itself.
    if (target.roles.includes('police_contact')) {
      await recordPoliceMemberAdded(trx, ctx, {
        caseId: access.caseId,
        municipalityCode: access.municipalityCode,
        memberName: target.display_name,
        role: body.role,
        scope: body.scope,
        personIds: await casePersonIds(trx, access),
        unitId: access.unitId,
      });
    }
  });
}

/** Removes a member; a case keeps at least one coordinator. */
export async function removeMember(
  ctx: RequestContext,
  access: CaseAccess,
  userId: string,
): Promise<void> {
  requireCaseAbility(access, 'members', 'write');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteMember(trx, access, userId);
    if (!removed) throw new AppError('not_found');
    if ((await coordinatorCount(trx, access)) === 0) throw new AppError('last_coordinator');
    const memberName = await userDisplayName(trx, userId);
    await addCaseEvent(trx, access.caseId, ctx.user.id, 'member_removed', {
      member: { from: memberName, to: null },
      role: { from: removed.role, to: null },
    });
    await auditMembership(trx, ctx, access, {
      change: 'member_removed',
      memberUserId: userId,
      role: removed.role,
    });
  });
}

export const BREAK_GLASS_MINUTES = 60;

/**
 * Break-the-glass: a coordinator opens a case of their municipality they are not a member of.
 * The second factor is checked first (wrong codes count towards the login lock); then, in one
 * transaction: the grant (60 minutes), a notification to every other active coordinator of the
 * municipality, and an audit entry marked break-glass. An unknown reference is audited too and
 * answers 404.
 */
export async function breakGlass(
  ctx: RequestContext,
  body: z.infer<typeof BreakGlassBody>,
): Promise<{ caseId: string; expiresAt: Date } | null> {
  const municipality = ctx.user.municipalityCode;
  if (!municipality) throw new AppError('not_found');
  const step = await verifySecondFactorAgain(ctx.db, ctx.keys.secret, ctx.user, body.code, ctx.ip);
  return ctx.db.transaction().execute(async (trx) => {
    await consumeStep(trx, ctx.user.id, step);
    const found = await caseByReference(trx, municipality, body.reference, ctx.user.id);
    /** The audit entry of the attempt, in the caller's municipality, marked break-glass. */
    const audit = (resourceId: string | null, details: AuditEvent['details']) =>
      writeAudit(
        trx,
        ctx.keys.audit,
        recordEvent(
          ctx.user,
          { municipalityCode: municipality, unitId: ctx.user.unitIds[0] ?? null, breakGlass: true },
          {
            action: 'break_glass',
            resourceType: 'case',
            resourceId,
            purpose: PURPOSES.breakGlass,
            requestId: ctx.requestId,
            details,
          },
        ),
      );
    if (!found) {
      await audit(null, { found: false });
      // The attempt stays in the audit trail: the transaction commits, the route answers 404.
      return null;
    }
    if (found.role) throw new AppError('already_member');
    const grant = await insertBreakGlassGrant(
      trx,
      { caseId: found.id, municipalityCode: municipality },
      { userId: ctx.user.id, reason: body.reason, minutes: BREAK_GLASS_MINUTES },
    );
    const notified = await notifyFrom(
      trx,
      breakGlassRecipients(
        trx,
        { caseId: found.id, municipalityCode: municipality },
        { actorUserId: ctx.user.id, grantId: grant.id },
      ),
    );
    await audit(found.id, {
      found: true,
      grantId: grant.id,
      minutes: BREAK_GLASS_MINUTES,
      notified: notified,
    });
    return { caseId: found.id, expiresAt: new Date(grant.expires_at) };
  });
}
