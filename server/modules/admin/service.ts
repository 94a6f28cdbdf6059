import type { Transaction } from 'kysely';
import {
  requireGrantable,
  requireMayAdminister,
  requireOwnMunicipality,
} from '../../access/admin-abilities.ts';
import type { Role } from '../../access/roles.ts';
import { hashPassword, passwordProblem } from '../../access/passwords.ts';
import { resetSecondFactors } from '../../access/second-factors.ts';
import { deleteUserSessions } from '../../access/sessions.ts';
import { revokePartnerActivation } from '../partners/activation.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { placement } from './placement.ts';
import * as queries from './queries.ts';
import * as units from './queries-units.ts';
import * as users from './queries-users.ts';
import type { AdminUnit, AdminUser, CreateUser, UpdateUser } from './schema.ts';

/**
 * Changes made by administrators. Each change is one transaction that checks the caller's scope
 * (a user or unit outside it answers 404), applies the rules, changes the rows and writes the
 * audit entry. Details in audit entries are codes and ids only, never names. What an
 * administrator may do is decided in server/access/admin-abilities.ts.
 */

/** The roles that make someone an administrator: nobody may take their own away. */
const ADMIN_ROLES: readonly Role[] = ['system_admin', 'municipal_admin'];

function scope(ctx: RequestContext) {
  return queries.adminScope(ctx.user);
}

function event(
  ctx: RequestContext,
  municipalityCode: string | null,
  fields: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'details'>,
): AuditEvent {
  return {
    municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: scope(ctx).all ? 'system_admin' : 'municipal_admin',
    requestId: ctx.requestId,
    ...fields,
  };
}

function invalid(fields: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fields });
}

/** Another unit of the municipality has the name: 409 naming body.name. */
function unitNameTaken(): AppError {
  return new AppError('duplicate', { fields: [{ field: 'body.name', code: 'unit_name_taken' }] });
}

/** A stale change: 409 with the version now stored, so the client can reload it. */
async function conflict(
  trx: Transaction<DB>,
  table: 'users' | 'units',
  id: string,
): Promise<AppError> {
  const version = await users.storedVersion(trx, table, id);
  return staleVersion(version ?? null);
}

function list(values: readonly string[]): string {
  return [...values].sort().join(',');
}

async function checkUnits(
  trx: Transaction<DB>,
  municipalityCode: string | null,
  unitIds: string[],
): Promise<void> {
  const outside = await units.unitsOutside(trx, municipalityCode, unitIds);
  if (outside.length > 0) {
    throw invalid([{ field: 'body.unitIds', code: 'unit_not_in_municipality' }]);
  }
}

async function reload(trx: Transaction<DB>, ctx: RequestContext, id: string): Promise<AdminUser> {
  const user = await queries.findUser(trx, scope(ctx), id);
  if (!user) throw new AppError('not_found');
  return user;
}

async function targetUser(trx: Transaction<DB>, ctx: RequestContext, id: string) {
  const user = await queries.findUser(trx, scope(ctx), id);
  if (!user) throw new AppError('not_found');
  requireMayAdminister(ctx.user, user);
  return user;
}

export async function createUser(ctx: RequestContext, body: CreateUser): Promise<AdminUser> {
  const { municipalityCode, policeDistrictId } = await placement(ctx, body);
  requireGrantable(ctx.user, [], body.roles);
  const problem = passwordProblem(body.password, body.username);
  if (problem) throw invalid([{ field: 'body.password', code: `password_${problem}` }]);
  const passwordHash = await hashPassword(body.password);

  return ctx.db.transaction().execute(async (trx) => {
    await checkUnits(trx, municipalityCode, body.unitIds);
    // A taken username is answered, not thrown by the database (which would abort the transaction).
    const inserted = await users.insertUser(trx, {
      username: body.username,
      display_name: body.displayName,
      roles: body.roles,
      municipality_code: municipalityCode,
      police_district_id: policeDistrictId,
      email: body.email ?? null,
      password_hash: passwordHash,
    });
    if (!inserted) {
      throw new AppError('duplicate', {
        fields: [{ field: 'body.username', code: 'username_taken' }],
      });
    }
    if (body.unitIds.length > 0) await users.insertUserUnits(trx, inserted.id, body.unitIds);
    await writeAudit(
      trx,
      ctx.keys.audit,
      event(ctx, municipalityCode, {
        action: 'create',
        resourceType: 'user',
        resourceId: inserted.id,
        details: {
          roles: list(body.roles),
          unitIds: list(body.unitIds),
          ...(policeDistrictId !== null && { policeDistrictId }),
        },
      }),
    );
    return reload(trx, ctx, inserted.id);
  });
}

export async function updateUser(
  ctx: RequestContext,
  id: string,
  body: UpdateUser,
): Promise<AdminUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await targetUser(trx, ctx, id);
    requireVersion(user.version, body.version);
    const roles = body.roles ?? user.roles;
    requireGrantable(ctx.user, user.roles, roles);
    if (user.id === ctx.user.id) {
      const lost = ADMIN_ROLES.filter((r) => ctx.user.roles.includes(r) && !roles.includes(r));
      if (lost.length > 0) throw new AppError('self_lockout');
    }
    const unitsBefore = user.units.map((u) => u.id);
    const unitIds = body.unitIds ?? unitsBefore;
    if (body.unitIds) await checkUnits(trx, user.municipalityCode, body.unitIds);

    const rolesAdded = roles.filter((r) => !user.roles.includes(r));
    const rolesRemoved = user.roles.filter((r) => !roles.includes(r));
    const unitsAdded = unitIds.filter((u) => !unitsBefore.includes(u));
    const unitsRemoved = unitsBefore.filter((u) => !unitIds.includes(u));
    const renamed = body.displayName !== undefined && body.displayName !== user.displayName;
    const emailChanged = body.email !== undefined && body.email !== user.email;

    // Conditional on the version: of two simultaneous changes only the first is stored.
    const updated = await users.updateUserRow(trx, id, body.version, {
      display_name: body.displayName ?? user.displayName,
      email: body.email === undefined ? user.email : body.email,
      roles,
    });
    if (!updated) throw await conflict(trx, 'users', id);
    if (unitsAdded.length > 0 || unitsRemoved.length > 0) {
      await users.deleteUserUnits(trx, id);
      if (unitIds.length > 0) await users.insertUserUnits(trx, id, unitIds);
    }

    const events: AuditEvent[] = [];
    const base = { resourceType: 'user', resourceId: id } as const;
    if (rolesAdded.length + rolesRemoved.length + unitsAdded.length + unitsRemoved.length > 0) {
      events.push(
        event(ctx, user.municipalityCode, {
          ...base,
          action: 'permission_change',
          details: {
            change: 'roles_units',
            rolesAdded: list(rolesAdded),
            rolesRemoved: list(rolesRemoved),
            unitsAdded: list(unitsAdded),
            unitsRemoved: list(unitsRemoved),
          },
        }),
      );
    }
    if (renamed || emailChanged) {
      const fields = [renamed && 'displayName', emailChanged && 'email'].filter(Boolean);
      events.push(
        event(ctx, user.municipalityCode, {
          ...base,
          action: 'update',
          details: { fields: fields.join(',') },
        }),
      );
    }
    await writeAudit(trx, ctx.keys.audit, events);
    return reload(trx, ctx, id);
  });
}

type StatusChange = 'disable' | 'enable' | 'reset_second_factor';

/** Disable, enable or reset the second factor: each ends or changes access at once. */
export async function changeUserStatus(
  ctx: RequestContext,
  id: string,
  change: StatusChange,
): Promise<AdminUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await targetUser(trx, ctx, id);
    if (change === 'disable' && user.id === ctx.user.id) throw new AppError('self_lockout');
    let changed = true;
    if (change === 'disable' || change === 'enable') {
      const disable = change === 'disable';
      changed = await users.setUserDisabled(trx, id, disable);
      if (disable) {
        // A disabled user's sessions end now, not at their next request.
        await deleteUserSessions(trx, id);
        // A partner's unused activation link could enable the account again: revoked with it.
        if (await revokePartnerActivation(trx, id)) changed = true;
      }
    } else {
      await resetSecondFactors(trx, id);
      await deleteUserSessions(trx, id);
      await users.bumpUserVersion(trx, id);
    }
    if (changed) {
      await writeAudit(
        trx,
        ctx.keys.audit,
        event(ctx, user.municipalityCode, {
          action: 'permission_change',
          resourceType: 'user',
          resourceId: id,
          details: { change },
        }),
      );
    }
    return reload(trx, ctx, id);
  });
}

// ── Units ────────────────────────────────────────────────────────────────────────────────

export async function createUnit(
  ctx: RequestContext,
  body: { name: string; kind: AdminUnit['kind']; municipalityCode?: string | undefined },
): Promise<AdminUnit> {
  const s = scope(ctx);
  const municipalityCode = s.all ? body.municipalityCode : (s.municipalityCode ?? undefined);
  if (!municipalityCode) throw invalid([{ field: 'body.municipalityCode', code: 'required' }]);
  requireOwnMunicipality(ctx.user, body.municipalityCode, municipalityCode);
  if (!(await queries.municipalityExists(ctx.db, municipalityCode))) {
    throw invalid([{ field: 'body.municipalityCode', code: 'invalid_value' }]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await units.insertUnit(trx, {
      municipality_code: municipalityCode,
      kind: body.kind,
      name: body.name,
    });
    if (!inserted) throw unitNameTaken();
    await writeAudit(
      trx,
      ctx.keys.audit,
      event(ctx, municipalityCode, {
        action: 'create',
        resourceType: 'unit',
        resourceId: inserted.id,
        details: { kind: body.kind },
      }),
    );
    const unit = await queries.findUnit(trx, s, inserted.id);
    if (!unit) throw new AppError('not_found');
    return unit;
  });
}

export async function renameUnit(
  ctx: RequestContext,
  id: string,
  body: { name: string; version: number },
): Promise<AdminUnit> {
  const s = scope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await queries.findUnit(trx, s, id);
    if (!unit) throw new AppError('not_found');
    requireVersion(unit.version, body.version);
    if (unit.name === body.name) return unit;
    if (await units.unitNameTaken(trx, unit.municipalityCode, body.name, id)) {
      throw unitNameTaken();
    }
    const updated = await units.renameUnitRow(trx, id, body.version, body.name);
    if (!updated) throw await conflict(trx, 'units', id);
    await writeAudit(
      trx,
      ctx.keys.audit,
      event(ctx, unit.municipalityCode, {
        action: 'update',
        resourceType: 'unit',
        resourceId: id,
        details: { fields: 'name' },
      }),
    );
    const renamed = await queries.findUnit(trx, s, id);
    if (!renamed) throw new AppError('not_found');
    return renamed;
  });
}
