import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  mayCreateMeeting,
  meetingAbilities,
  requireMeeting,
  requireNoMinutes,
  type MeetingAccess,
  requireMeetingRight,
} from '../../access/meeting-access.ts';
import { allows } from '../../access/policies.ts';
import {
  CadenceSchema,
  ForumKindSchema,
  forumKindHoldsMeetings,
  MEETING_TYPES_BY_FORUM_KIND,
} from '../../../shared/meetings.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { danishDayStart, nextDay, nthOccurrence } from './meetings-cadence.ts';
import { queueMeetingMail } from './meetings-mail.ts';
import { detailOf, summaryOf } from './meetings-present.ts';
import * as queries from './queries.ts';
import * as writes from './queries-writes.ts';
import type { CreateMeeting, MeetingDetail, MeetingListFilter, UpdateMeeting } from './schema.ts';

/**
 * Meetings of a forum (issue 14 part 2). Those who manage the municipality's forums create
 * meetings (one, or a series at the forum's cadence); a meeting's chair and the managers change
 * and cancel it; everyone who may see it (meeting-access.ts) reads it. Model 1 holds no forum or
 * steering-group meetings. Each change is one transaction with its audit entry (ids only) and the
 * e-mails it causes (meetings-mail.ts).
 */

const fail = (fields: FieldProblem[]) => new AppError('validation_failed', { fields });

function municipalityOf(ctx: RequestContext): string {
  if (ctx.user.municipalityCode === null) throw new AppError('not_found');
  return ctx.user.municipalityCode;
}

/** The audit entry of a change to a meeting, by a manager or by the meeting's chair. */
function meetingEvent(
  ctx: RequestContext,
  access: Pick<MeetingAccess, 'municipalityCode' | 'manager'>,
  fields: Pick<AuditEvent, 'action' | 'resourceId' | 'details'>,
): AuditEvent {
  const event = managerAuditEvent(ctx, access.municipalityCode, 'meeting', fields);
  return access.manager ? event : { ...event, actorRole: ctx.user.roles[0] ?? null };
}

/** The meeting's detail for the caller, in the transaction (or the plain connection). */
async function detail(trx: Transaction<DB>, ctx: RequestContext, meetingId: string) {
  const access = await requireMeeting(trx, ctx.user, meetingId);
  const model = await queries.organisationModel(trx, access.municipalityCode);
  return detailOf(trx, access, model, ctx.user.id);
}

/** Rules between the fields of a meeting's time, place and people; problems on their fields. */
async function checkMeeting(
  trx: Transaction<DB>,
  forumId: string,
  m: {
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    videoLink: string | null;
    chairUserId: string | null;
    noteTakerUserId: string | null;
    recordedAfterwards: boolean;
  },
  changed: { start: boolean },
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (m.endsAt.getTime() <= m.startsAt.getTime()) {
    problems.push({ field: 'body.endsAt', code: 'meeting_end_before_start' });
  }
  const past = m.startsAt.getTime() < Date.now();
  if (changed.start && past && !m.recordedAfterwards) {
    problems.push({ field: 'body.startsAt', code: 'meeting_start_in_past' });
  }
  if (changed.start && !past && m.recordedAfterwards) {
    problems.push({ field: 'body.recordedAfterwards', code: 'meeting_recorded_in_future' });
  }
  if (m.place === null && m.videoLink === null) {
    problems.push({ field: 'body.place', code: 'meeting_place_required' });
  }
  for (const [field, userId] of [
    ['body.chairUserId', m.chairUserId],
    ['body.noteTakerUserId', m.noteTakerUserId],
  ] as const) {
    if (userId !== null && !(await queries.isForumMember(trx, forumId, userId))) {
      problems.push({ field, code: 'meeting_person_not_member' });
    }
  }
  if (problems.length > 0) throw fail(problems);
}

/** Whether a stored meeting is the one this create asks for (an idempotent repeat). */
function sameMeeting(row: queries.MeetingRow, body: CreateMeeting, userId: string): boolean {
  return (
    row.created_by === userId &&
    row.forum_id === body.forumId &&
    row.meeting_type === body.meetingType &&
    new Date(row.starts_at).getTime() === new Date(body.startsAt).getTime() &&
    new Date(row.ends_at).getTime() === new Date(body.endsAt).getTime() &&
    row.place === (body.place ?? null) &&
    row.video_link === (body.videoLink ?? null) &&
    row.chair_user_id === (body.chairUserId ?? null) &&
    row.note_taker_user_id === (body.noteTakerUserId ?? null)
  );
}

/**
 * Creates a meeting (or `repeat` meetings at the forum's cadence, one series) and invites the
 * forum's members. The same id and body again answers the same meeting (`created: false`); the
 * id of another meeting answers 409.
 */
export async function createMeeting(
  ctx: RequestContext,
  body: CreateMeeting,
): Promise<{ created: boolean; meeting: MeetingDetail; seriesMeetingIds: string[] }> {
  const municipalityCode = municipalityOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await queries.findMeeting(trx, municipalityCode, body.id);
    if (existing && sameMeeting(existing, body, ctx.user.id)) {
      const ids = existing.series_id
        ? await queries.seriesMeetingIds(trx, municipalityCode, existing.series_id)
        : [existing.id];
      return { created: false, meeting: await detail(trx, ctx, body.id), seriesMeetingIds: ids };
    }
    if (existing || (await queries.unsafeMeetingIdTaken(trx, body.id))) {
      throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'meeting_id_taken' }] });
    }
    const forum = await queries.findForum(trx, municipalityCode, body.forumId);
    if (!forum || !mayCreateMeeting(ctx.user, forum)) {
      throw fail([{ field: 'body.forumId', code: 'meeting_forum_unknown' }]);
    }
    if (forum.archivedAt) throw fail([{ field: 'body.forumId', code: 'meeting_forum_archived' }]);
    const kind = ForumKindSchema.parse(forum.kind);
    if (!forumKindHoldsMeetings(kind, await queries.organisationModel(trx, municipalityCode))) {
      throw new AppError('meeting_not_in_model');
    }
    if (!MEETING_TYPES_BY_FORUM_KIND[kind].includes(body.meetingType)) {
      throw fail([{ field: 'body.meetingType', code: 'meeting_type_not_of_forum' }]);
    }
    const recordedAfterwards = body.recordedAfterwards ?? false;
    const repeat = body.repeat ?? 1;
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const place = body.place ?? null;
    const videoLink = body.videoLink ?? null;
    const chairUserId = body.chairUserId ?? null;
    const noteTakerUserId = body.noteTakerUserId ?? null;
    await checkMeeting(
      trx,
      forum.id,
      { startsAt, endsAt, place, videoLink, chairUserId, noteTakerUserId, recordedAfterwards },
      { start: true },
    );
    const cadence = CadenceSchema.safeParse(forum.cadence);
    if (repeat > 1 && recordedAfterwards) {
      throw fail([{ field: 'body.repeat', code: 'meeting_repeat_recorded' }]);
    }
    if (repeat > 1 && !cadence.success) {
      throw fail([{ field: 'body.repeat', code: 'meeting_forum_no_cadence' }]);
    }
    const seriesId = repeat > 1 ? randomUUID() : null;
    const duration = endsAt.getTime() - startsAt.getTime();
    const rows = Array.from({ length: repeat }, (_, n) => {
      const start = cadence.success ? nthOccurrence(startsAt, cadence.data, n) : startsAt;
      return {
        id: n === 0 ? body.id : randomUUID(),
        municipality_code: municipalityCode,
        forum_id: forum.id,
        meeting_type: body.meetingType,
        starts_at: start,
        ends_at: new Date(start.getTime() + duration),
        place,
        video_link: videoLink,
        chair_user_id: chairUserId,
        note_taker_user_id: noteTakerUserId,
        series_id: seriesId,
        recorded_afterwards: recordedAfterwards,
        status: recordedAfterwards ? 'held' : 'planned',
        created_by: ctx.user.id,
      };
    });
    await writes.insertMeetings(trx, rows);
    const members = await queries.activeForumMembers(trx, forum.id);
    await writes.insertParticipants(
      trx,
      rows.flatMap((r) =>
        members.map((userId) => ({
          meeting_id: r.id,
          municipality_code: municipalityCode,
          user_id: userId,
          kind: 'member',
        })),
      ),
    );
    if (!recordedAfterwards) {
      await queueMeetingMail(trx, {
        municipalityCode,
        meetings: rows.map((r) => ({ id: r.id, version: 1 })),
        kind: 'invitation',
      });
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      rows.map((r) =>
        managerAuditEvent(ctx, municipalityCode, 'meeting', {
          action: 'create',
          resourceId: r.id,
          details: { forumId: forum.id, seriesId, invited: members.length },
        }),
      ),
    );
    return {
      created: true,
      meeting: await detail(trx, ctx, body.id),
      seriesMeetingIds: rows.map((r) => r.id),
    };
  });
}

/** One meeting the caller may see, with its participants and the caller's abilities. */
export async function getMeeting(ctx: RequestContext, id: string): Promise<MeetingDetail> {
  return ctx.db.transaction().execute((trx) => detail(trx, ctx, id));
}

/** The caller's meetings (from today by default), keyset-paginated by start. */
export async function listMeetings(ctx: RequestContext, filter: MeetingListFilter) {
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.after, 'uuid');
  const rows = await queries.listMeetings(ctx.db, {
    user: ctx.user,
    manager: allows(ctx.user, 'forums.manage'),
    ...(filter.forumId && { forumId: filter.forumId }),
    from: danishDayStart(filter.from ?? danishToday(new Date())),
    ...(filter.to && { before: danishDayStart(nextDay(filter.to)) }),
    ...(filter.status && { status: filter.status }),
    after,
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(summaryOf),
    nextCursor:
      rows.length > limit && last ? encodeCursor(new Date(last.starts_at), last.id) : null,
  };
}

/**
 * A change to a meeting the caller may manage, in one transaction: 404 for a meeting they may not
 * see, 403 for one they may see but not change, 409 for a cancelled one.
 */
export async function managedMeeting(trx: Transaction<DB>, ctx: RequestContext, id: string) {
  const access = await requireMeeting(trx, ctx.user, id);
  const row = await queries.findMeeting(trx, access.municipalityCode, id);
  if (!row) throw new AppError('not_found');
  const heldInModel = forumKindHoldsMeetings(
    ForumKindSchema.parse(row.forum_kind),
    await queries.organisationModel(trx, access.municipalityCode),
  );
  if (!meetingAbilities(access, { hasChair: true, heldInModel: heldInModel }).manage) {
    if (access.status === 'cancelled' && heldInModel) throw new AppError('meeting_cancelled');
    requireMeetingRight(false);
  }
  const event = (fields: Parameters<typeof meetingEvent>[2]) => meetingEvent(ctx, access, fields);
  return { access, row, meetingEvent: event };
}

/** Changes a meeting's time, place, chair or note-taker (optimistic locking by version). */
export async function updateMeeting(
  ctx: RequestContext,
  id: string,
  body: UpdateMeeting,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, row, meetingEvent: event } = await managedMeeting(trx, ctx, id);
    requireVersion(row.version, body.version);
    const next = {
      startsAt: body.startsAt ? new Date(body.startsAt) : new Date(row.starts_at),
      endsAt: body.endsAt ? new Date(body.endsAt) : new Date(row.ends_at),
      place: body.place === undefined ? row.place : body.place,
      videoLink: body.videoLink === undefined ? row.video_link : body.videoLink,
      chairUserId: body.chairUserId === undefined ? row.chair_user_id : body.chairUserId,
      noteTakerUserId:
        body.noteTakerUserId === undefined ? row.note_taker_user_id : body.noteTakerUserId,
      recordedAfterwards: row.recorded_afterwards,
    };
    const startChanged = next.startsAt.getTime() !== new Date(row.starts_at).getTime();
    const calendarChanged =
      startChanged ||
      next.endsAt.getTime() !== new Date(row.ends_at).getTime() ||
      next.place !== row.place ||
      next.videoLink !== row.video_link;
    // The minutes record when and where the meeting was held.
    if (calendarChanged) requireNoMinutes(access);
    await checkMeeting(trx, row.forum_id, next, { start: startChanged });
    const updated = await writes.updateMeetingRow(
      trx,
      { municipalityCode: access.municipalityCode, id, version: body.version },
      {
        starts_at: next.startsAt,
        ends_at: next.endsAt,
        place: next.place,
        video_link: next.videoLink,
        chair_user_id: next.chairUserId,
        note_taker_user_id: next.noteTakerUserId,
      },
    );
    if (!updated)
      throw staleVersion(
        (await queries.findMeeting(trx, access.municipalityCode, id))?.version ?? null,
      );
    const fields = Object.keys(body).filter((k) => k !== 'version');
    if (calendarChanged && row.status === 'planned') {
      await queueMeetingMail(trx, {
        municipalityCode: access.municipalityCode,
        meetings: [{ id, version: updated.version }],
        kind: 'update',
      });
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      event({ action: 'update', resourceId: id, details: { fields: fields.join(',') } }),
    );
    return detail(trx, ctx, id);
  });
}

/** Cancels a planned meeting with a reason, and tells everyone invited (METHOD:CANCEL). */
export async function cancelMeeting(
  ctx: RequestContext,
  id: string,
  body: { version: number; reason: string },
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, row, meetingEvent: event } = await managedMeeting(trx, ctx, id);
    requireVersion(row.version, body.version);
    if (row.status !== 'planned') throw new AppError('meeting_cancelled');
    // Cancelling a meeting whose minutes are written would make them the minutes of no meeting.
    requireNoMinutes(access);
    const updated = await writes.updateMeetingRow(
      trx,
      { municipalityCode: access.municipalityCode, id, version: body.version },
      { status: 'cancelled', cancel_reason: body.reason },
    );
    if (!updated) throw staleVersion(null);
    await queueMeetingMail(trx, {
      municipalityCode: access.municipalityCode,
      meetings: [{ id, version: updated.version }],
      kind: 'cancel',
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      event({ action: 'update', resourceId: id, details: { change: 'cancelled' } }),
    );
    return detail(trx, ctx, id);
  });
}

export { detail as meetingDetail };
