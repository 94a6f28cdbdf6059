import { requireCaseAbility } from '../../access/case-abilities.ts';
import { notifyFrom, recipientColumns } from '../notifications/service.ts';
import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { consumeStep, verifySecondFactorAgain } from '../../access/reauth.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { z } from 'zod';
import { addCaseEvent } from './chronology.ts';
import type { AddMemberBody, BreakGlassBody } from './schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): memberships and grants are written
 * with the case's key and read and deleted matching it; the chronology's events get theirs from
 * the trigger (chronology.ts).
 */

/** Which user roles may hold which role in a case. */
const MAY_HOLD: Record<'coordinator' | 'forum' | 'member', readonly string[]> = {
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
    const target = await trx
      .selectFrom('users as u')
      .select(['u.id', 'u.roles', 'u.display_name'])
      .where('u.id', '=', body.userId)
      .where('u.disabled_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('u.municipality_code', '=', access.municipalityCode),
          eb(
            'u.police_district_id',
            '=',
            eb
              .selectFrom('municipalities')
              .select('police_district_id')
              .where('code', '=', access.municipalityCode),
          ),
        ]),
      )
      .executeTakeFirst();
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
    if (body.unitId) {
      const unit = await trx
        .selectFrom('units')
        .select('id')
        .where('id', '=', body.unitId)
        .where('municipality_code', '=', access.municipalityCode)
        .executeTakeFirst();
      if (!unit) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.unitId', code: 'invalid_value' }],
        });
      }
    }
    const inserted = await trx
      .insertInto('case_members')
      .values({
        case_id: access.caseId,
        municipality_code: access.municipalityCode,
        user_id: body.userId,
        role: body.role,
        scope: body.scope,
        unit_id: body.unitId,
        added_by: ctx.user.id,
      })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('already_member');
    await addCaseEvent(trx, access.caseId, ctx.user.id, 'member_added', {
      member: { from: null, to: target.display_name },
      role: { from: null, to: body.role },
      scope: { from: null, to: body.scope },
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      recordEvent(ctx.user, access, {
        action: 'permission_change',
        resourceType: 'case',
        resourceId: access.caseId,
        purpose: PURPOSES.membership,
        requestId: ctx.requestId,
        details: {
          change: 'member_added',
          memberUserId: body.userId,
          role: body.role,
          scope: body.scope,
        },
      }),
    );
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
    const removed = await trx
      .deleteFrom('case_members')
      .where('case_id', '=', access.caseId)
      .where('municipality_code', '=', access.municipalityCode)
      .where('user_id', '=', userId)
      .returning('role')
      .executeTakeFirst();
    if (!removed) throw new AppError('not_found');
    const coordinators = await trx
      .selectFrom('case_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', access.caseId)
      .where('municipality_code', '=', access.municipalityCode)
      .where('role', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    if (Number(coordinators.n) === 0) throw new AppError('last_coordinator');
    const member = await trx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, access.caseId, ctx.user.id, 'member_removed', {
      member: { from: member.display_name, to: null },
      role: { from: removed.role, to: null },
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      recordEvent(ctx.user, access, {
        action: 'permission_change',
        resourceType: 'case',
        resourceId: access.caseId,
        purpose: PURPOSES.membership,
        requestId: ctx.requestId,
        details: { change: 'member_removed', memberUserId: userId, role: removed.role },
      }),
    );
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
    const found = await trx
      .selectFrom('cases')
      .leftJoin('case_members as m', (join) =>
        join
          .onRef('m.case_id', '=', 'cases.id')
          .onRef('m.municipality_code', '=', 'cases.municipality_code')
          .on('m.user_id', '=', ctx.user.id),
      )
      .select(['cases.id', 'm.role'])
      .where('cases.municipality_code', '=', municipality)
      .where('cases.reference', '=', body.reference)
      .executeTakeFirst();
    const base = { municipalityCode: municipality, unitId: ctx.user.unitIds[0] ?? null };
    if (!found) {
      await writeAudit(
        trx,
        ctx.keys.audit,
        recordEvent(
          ctx.user,
          { ...base, breakGlass: true },
          {
            action: 'break_glass',
            resourceType: 'case',
            resourceId: null,
            purpose: PURPOSES.breakGlass,
            requestId: ctx.requestId,
            details: { found: false },
          },
        ),
      );
      // The attempt stays in the audit trail: the transaction commits, the route answers 404.
      return null;
    }
    if (found.role) throw new AppError('already_member');
    const grant = await trx
      .insertInto('access_grants')
      .values({
        user_id: ctx.user.id,
        case_id: found.id,
        municipality_code: municipality,
        reason: body.reason,
        expires_at: sql<Date>`now() + make_interval(mins => ${BREAK_GLASS_MINUTES})`,
      })
      .returning(['id', 'expires_at'])
      .executeTakeFirstOrThrow();
    const notified = await notifyFrom(
      trx,
      trx
        .selectFrom('users')
        .select([
          'users.id as user_id',
          ...recipientColumns({
            kind: 'break_glass',
            caseId: found.id,
            details: { actorUserId: ctx.user.id, grantId: grant.id },
          }),
        ])
        .where('users.municipality_code', '=', municipality)
        .where(sql<boolean>`'coordinator' = any(users.roles)`)
        .where('users.disabled_at', 'is', null)
        .where('users.id', '!=', ctx.user.id),
    );
    await writeAudit(
      trx,
      ctx.keys.audit,
      recordEvent(
        ctx.user,
        { ...base, breakGlass: true },
        {
          action: 'break_glass',
          resourceType: 'case',
          resourceId: found.id,
          purpose: PURPOSES.breakGlass,
          requestId: ctx.requestId,
          details: {
            found: true,
            grantId: grant.id,
            minutes: BREAK_GLASS_MINUTES,
            notified: notified,
          },
        },
      ),
    );
    return { caseId: found.id, expiresAt: new Date(grant.expires_at) };
  });
}
