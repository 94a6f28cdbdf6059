import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  areaAbilities,
  requireArea,
  requireAreaRight,
  visibleAreas,
  type AreaAccess,
} from '../../access/area-access.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor } from '../../platform/cursor.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import {
  AREA_INTERVENTION_NEXT,
  type AreaInterventionStatus,
} from '../../../shared/housing-areas.ts';
import { connectorsOf } from '../area-rounds/queries-connectors.ts';
import { danishToday } from '../cases/chronology.ts';
import { pageOf, views } from './present-interventions.ts';
import * as q from './queries.ts';
import { interventionAudit, refusePersonalReferences, refuseField } from './rules.ts';
import type {
  InterventionListFilter,
  ChangeStatus,
  CreateAreaIntervention,
  FollowUp,
  UpdateAreaIntervention,
} from './schema.ts';

/**
 * Area interventions of phase 3 (issue 16 part 5): for the area and its civil society, and
 * upskilling of professionals. The area's team and the forum managers read and write them
 * (`writeInterventions`; reading needs the same standing); a partner or an aggregate reader gets
 * 403, anyone else 404 as for a missing area. Status planned → active → phasing out (monitored
 * until a date) → ended, each change in the history; follow-ups with the next follow-up date,
 * which is a task in "Mine opgaver". These texts are about places and roles, not citizens: their
 * reads are not audited as personal-data reads; every write is.
 */
const WORKS = new Set(['manager', 'team']);

function mayRead(access: AreaAccess) {
  return WORKS.has(access.standing);
}

async function readableArea(ctx: RequestContext, areaId: string, db: Kysely<DB> = ctx.db) {
  const access = await requireArea(db, ctx.user, areaId);
  requireAreaRight(mayRead(access));
  return { access, abilities: areaAbilities(access, ctx.user) };
}

/**
 * The area when the caller may write its interventions. Each write reads it again with its
 * transaction, inside it (`db` the transaction), so a standing lost since the first read — a
 * team member removed, a manager's role gone — refuses the write instead of landing one more.
 */
async function writableArea(ctx: RequestContext, areaId: string, db: Kysely<DB> = ctx.db) {
  const area = await readableArea(ctx, areaId, db);
  requireAreaRight(area.abilities.writeInterventions);
  return area;
}

export async function listForArea(
  ctx: RequestContext,
  areaId: string,
  filter: InterventionListFilter,
) {
  const { access, abilities } = await readableArea(ctx, areaId);
  const after = decodeCursor(filter.after, 'uuid');
  const rows = await q.listInterventions(ctx.db, access.municipalityCode, [areaId], {
    ...filter,
    after,
  });
  const page = await pageOf(rows, filter.limit, (shown) =>
    views(ctx.db, access.municipalityCode, shown, () => abilities.writeInterventions),
  );
  return { ...page, canCreate: abilities.writeInterventions };
}

/** Every area intervention of the areas the caller works on (team or manager), with filters. */
export async function listForMunicipality(ctx: RequestContext, filter: InterventionListFilter) {
  const after = decodeCursor(filter.after, 'uuid');
  const areas = (await visibleAreas(ctx.db, ctx.user)).filter(mayRead);
  const municipality = ctx.user.municipalityCode;
  if (!municipality || areas.length === 0) return { items: [], canCreate: false, nextCursor: null };
  const writable = new Map(areas.map((a) => [a.areaId, areaAbilities(a, ctx.user)]));
  const ids = areas.filter((a) => a.municipalityCode === municipality).map((a) => a.areaId);
  const rows = await q.listInterventions(ctx.db, municipality, ids, { ...filter, after });
  const page = await pageOf(rows, filter.limit, (shown) =>
    views(ctx.db, municipality, shown, (r) => writable.get(r.area_id)?.writeInterventions === true),
  );
  return { ...page, canCreate: false };
}

async function interventionOf(ctx: RequestContext, access: AreaAccess, id: string) {
  const row = await q.findIntervention(ctx.db, access.municipalityCode, id);
  if (!row || row.area_id !== access.areaId) throw new AppError('not_found');
  return row;
}

/** One intervention with its history. */
export async function getIntervention(ctx: RequestContext, areaId: string, id: string) {
  const { access, abilities } = await readableArea(ctx, areaId);
  const row = await interventionOf(ctx, access, id);
  const entries = await q.entriesOf(ctx.db, access.municipalityCode, id);
  return {
    ...(
      await views(ctx.db, access.municipalityCode, [row], () => abilities.writeInterventions)
    )[0]!,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.from_status as AreaInterventionStatus | null,
      toStatus: e.to_status as AreaInterventionStatus | null,
      on: e.happened_on,
      note: e.note,
      nextFollowUpOn: e.next_follow_up_on,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
}

/** The body's connectors must be the area's (found by its mapping rounds). */
async function checkConnectors(ctx: RequestContext, access: AreaAccess, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await connectorsOf(ctx.db, access.municipalityCode, access.areaId, unique);
  if (found.length !== unique.length) refuseField('body.connectorIds', 'area_work_connector');
  return unique;
}

function checkDates(body: { startsOn: string | null; endsOn: string | null }) {
  if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) {
    refuseField('body.endsOn', 'area_work_ends_before_start');
  }
}

/** Records an intervention (201); the same id again answers it (200). */
export async function createIntervention(
  ctx: RequestContext,
  areaId: string,
  body: CreateAreaIntervention,
) {
  const { access } = await writableArea(ctx, areaId);
  const existing = await q.findIntervention(ctx.db, access.municipalityCode, body.id);
  if (existing) {
    if (existing.area_id !== areaId) throw new AppError('conflict');
    return { created: false, intervention: await getIntervention(ctx, areaId, body.id) };
  }
  refusePersonalReferences({
    title: body.title,
    description: body.description,
    targetGroup: body.targetGroup,
  });
  checkDates(body);
  const connectorIds = await checkConnectors(ctx, access, body.connectorIds);
  await ctx.db.transaction().execute(async (trx) => {
    await writableArea(ctx, areaId, trx);
    const row = await q.insertIntervention(trx, {
      id: body.id,
      municipality_code: access.municipalityCode,
      area_id: areaId,
      kind: body.kind,
      title: body.title,
      description: body.description,
      target_group: body.targetGroup,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      planned_participants: body.plannedParticipants,
      actual_participants: body.actualParticipants,
      connector_ids: JSON.stringify(connectorIds),
      next_follow_up_on: body.nextFollowUpOn,
      created_by: ctx.user.id,
    });
    // The id is taken by a record the caller cannot see: refused as any taken id.
    if (!row) throw new AppError('conflict');
    await q.insertEntry(trx, {
      id: randomUUID(),
      municipality_code: access.municipalityCode,
      area_intervention_id: body.id,
      kind: 'status',
      from_status: null,
      to_status: 'planned',
      happened_on: danishToday(new Date()),
      note: null,
      created_by: ctx.user.id,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      interventionAudit(ctx, access.municipalityCode, {
        action: 'create',
        resourceId: body.id,
        details: { areaId, kind: body.kind },
      }),
    );
  });
  return { created: true, intervention: await getIntervention(ctx, areaId, body.id) };
}

/** Changes the intervention's content (optimistic locking; an ended one is read-only). */
export async function updateIntervention(
  ctx: RequestContext,
  areaId: string,
  id: string,
  body: UpdateAreaIntervention,
) {
  const { access } = await writableArea(ctx, areaId);
  const row = await interventionOf(ctx, access, id);
  if (row.version !== body.version) throw staleVersion(row.version);
  if (row.status === 'ended') throw new AppError('conflict');
  refusePersonalReferences({
    title: body.title,
    description: body.description,
    targetGroup: body.targetGroup,
  });
  checkDates(body);
  const connectorIds = await checkConnectors(ctx, access, body.connectorIds);
  await ctx.db.transaction().execute(async (trx) => {
    await writableArea(ctx, areaId, trx);
    const done = await q.updateIntervention(trx, access.municipalityCode, id, body.version, {
      title: body.title,
      description: body.description,
      target_group: body.targetGroup,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      planned_participants: body.plannedParticipants,
      actual_participants: body.actualParticipants,
      connector_ids: JSON.stringify(connectorIds),
      next_follow_up_on: body.nextFollowUpOn,
    });
    if (!done) throw staleVersion(null);
    await writeAudit(
      trx,
      ctx.keys.audit,
      interventionAudit(ctx, access.municipalityCode, {
        action: 'update',
        resourceId: id,
        details: { areaId },
      }),
    );
  });
  return getIntervention(ctx, areaId, id);
}

/** Moves the status on (one step forward, or straight to ended), with its history entry. */
export async function changeStatus(
  ctx: RequestContext,
  areaId: string,
  id: string,
  body: ChangeStatus,
) {
  const { access } = await writableArea(ctx, areaId);
  const row = await interventionOf(ctx, access, id);
  if (row.version !== body.version) throw staleVersion(row.version);
  if (!AREA_INTERVENTION_NEXT[row.status].includes(body.status)) {
    refuseField('body.status', 'area_work_status_step');
  }
  if (body.status === 'phasing_out' && !body.monitoringUntil) {
    refuseField('body.monitoringUntil', 'area_work_monitoring_required');
  }
  refusePersonalReferences({ note: body.note });
  const on = body.on ?? danishToday(new Date());
  await ctx.db.transaction().execute(async (trx) => {
    await writableArea(ctx, areaId, trx);
    const done = await q.updateIntervention(trx, access.municipalityCode, id, body.version, {
      status: body.status,
      ...(body.status === 'phasing_out' && { monitoring_until: body.monitoringUntil }),
      ...(body.status === 'ended' && { next_follow_up_on: null }),
    });
    if (!done) throw staleVersion(null);
    await q.insertEntry(trx, {
      id: randomUUID(),
      municipality_code: access.municipalityCode,
      area_intervention_id: id,
      kind: 'status',
      from_status: row.status,
      to_status: body.status,
      happened_on: on,
      note: body.note,
      created_by: ctx.user.id,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      interventionAudit(ctx, access.municipalityCode, {
        action: 'update',
        resourceId: id,
        details: { areaId, from: row.status, to: body.status },
      }),
    );
  });
  return getIntervention(ctx, areaId, id);
}

/** Records a follow-up (client id: a repeat is answered as stored) and the next follow-up date. */
export async function addFollowUp(ctx: RequestContext, areaId: string, id: string, body: FollowUp) {
  const { access } = await writableArea(ctx, areaId);
  const row = await interventionOf(ctx, access, id);
  if (await q.entryExists(ctx.db, access.municipalityCode, id, body.id)) {
    return getIntervention(ctx, areaId, id);
  }
  if (row.version !== body.version) throw staleVersion(row.version);
  refusePersonalReferences({ note: body.note });
  await ctx.db.transaction().execute(async (trx) => {
    await writableArea(ctx, areaId, trx);
    const done = await q.updateIntervention(trx, access.municipalityCode, id, body.version, {
      next_follow_up_on: row.status === 'ended' ? null : body.nextFollowUpOn,
    });
    if (!done) throw staleVersion(null);
    await q.insertFollowUp(trx, {
      id: body.id,
      municipality_code: access.municipalityCode,
      area_intervention_id: id,
      kind: 'follow_up',
      happened_on: body.on,
      note: body.note,
      next_follow_up_on: body.nextFollowUpOn,
      created_by: ctx.user.id,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      interventionAudit(ctx, access.municipalityCode, {
        action: 'update',
        resourceId: id,
        details: { areaId, followUp: body.id },
      }),
    );
  });
  return getIntervention(ctx, areaId, id);
}

/**
 * The interventions whose follow-up is due by `until`, for "Mine opgaver": those of the areas
 * whose team the user sits in, and of the areas without a team for the forum managers.
 */
export async function dueInterventionFollowUps(
  db: Kysely<DB>,
  user: RequestContext['user'],
  until: string,
) {
  if (!user.municipalityCode) return [];
  const areas = (await visibleAreas(db, user)).filter(
    (a) =>
      !a.archived &&
      a.municipalityCode === user.municipalityCode &&
      (a.standing === 'team' || (a.standing === 'manager' && a.teamForumId === null)),
  );
  const rows = await q.dueFollowUps(
    db,
    user.municipalityCode,
    areas.map((a) => a.areaId),
    until,
  );
  return rows.map((r) => ({ id: r.id, areaId: r.area_id, dueOn: r.next_follow_up_on ?? until }));
}

export { countAreaInterventionsByArea } from './queries.ts';
