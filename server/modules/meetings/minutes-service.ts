import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import {
  meetingAbilities,
  requireMeeting,
  type MeetingAccess,
  requireMeetingRight,
} from '../../access/meeting-access.ts';
import { itemAccesses, type ItemAccess } from '../../access/minutes-access.ts';
import { danishToday } from '../cases/chronology.ts';
import { actOnRecord } from './minutes-decisions.ts';
import { auditMinutesChange } from './minutes-audit.ts';
import {
  agendaItems,
  approveMinutesRow,
  attendance,
  copyMinutesItems,
  insertMinutes,
  lockLatestMinutes,
  meetingHeading,
  minutesById,
  minutesItems,
  minutesVersions,
  setAttended,
  touchMinutes,
  upsertMinutesItem,
  type AgendaItemRow,
  type MeetingKey,
} from './queries-minutes.ts';
import { textProblems } from './minutes-rules.ts';
import type { MinutesActionInput, RecordVersions } from './minutes-schema.ts';
import { meetingHeldInModel, meetingKey } from './minutes-view.ts';

/**
 * Writing, approving and correcting the minutes (issue 14 part 4). The note-taker, the chair or
 * a forum manager writes (`mayWriteMinutes`, else 403); the chair alone approves
 * (`mayApproveMinutes`). Every change locks the latest version, refuses approved minutes with
 * 409 `minutes_approved`, checks the minutes' version (409 with the current one when stale),
 * bumps it and writes its audit entry in the same transaction.
 */

export interface DraftScope {
  trx: Transaction<DB>;
  key: MeetingKey;
  meeting: MeetingAccess;
  minutesId: string;
  forumKind: string;
  /** The Danish day the meeting was held (today when it lies ahead). */
  day: string;
  /** When the meeting starts: decisions are recorded only once it has begun. */
  startsAt: Date;
}

function reject(problems: { field: string; code: string }[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/**
 * The meeting's minutes may be written or approved as the abilities sent to the web say
 * (`meetingAbilities`): 409 for a cancelled meeting or one whose forum kind the municipality's
 * organisation model does not hold, 403 for a caller without the right.
 */
async function requireMinutesAbility(
  db: Kysely<DB>,
  meeting: MeetingAccess,
  what: 'writeMinutes' | 'approveMinutes',
  hasChair = true,
): Promise<void> {
  const heldInModel = await meetingHeldInModel(db, meeting);
  if (meetingAbilities(meeting, { hasChair, heldInModel })[what]) return;
  if (!heldInModel) throw new AppError('meeting_not_in_model');
  if (meeting.status === 'cancelled') throw new AppError('meeting_cancelled');
  requireMeetingRight(false);
}

/** The meeting for a writer of its minutes: 404 when unseen, else as `requireMinutesAbility`. */
async function writableMeeting(ctx: RequestContext, meetingId: string): Promise<MeetingAccess> {
  const meeting = await requireMeeting(ctx.db, ctx.user, meetingId);
  await requireMinutesAbility(ctx.db, meeting, 'writeMinutes');
  return meeting;
}

/** The latest minutes' id and version, for a writer (a repeated idempotent write answers it). */
export async function latestMinutes(
  ctx: RequestContext,
  meetingId: string,
): Promise<{ id: string; version: number }> {
  const meeting = await writableMeeting(ctx, meetingId);
  const [latest] = await minutesVersions(ctx.db, meetingKey(meeting));
  if (!latest) throw new AppError('not_found');
  return { id: latest.id, version: latest.version };
}

/** Runs `change` on the latest draft at `version`; the minutes' id and new version. */
export async function inDraft(
  ctx: RequestContext,
  meetingId: string,
  version: number,
  change: (scope: DraftScope) => Promise<Record<string, string | number | boolean | null>>,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  const meeting = await writableMeeting(ctx, meetingId);
  const key = meetingKey(meeting);
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await lockLatestMinutes(trx, key);
    if (!latest) throw new AppError('not_found');
    if (latest.status === 'approved') throw new AppError('minutes_approved');
    if (latest.version !== version) throw staleVersion(latest.version);
    const heading = await meetingHeading(trx, key);
    if (!heading) throw new AppError('not_found');
    const held = danishToday(new Date(heading.starts_at));
    const today = danishToday(now);
    const details = await change({
      trx,
      key,
      meeting,
      minutesId: latest.id,
      forumKind: heading.forum_kind,
      day: held < today ? held : today,
      startsAt: new Date(heading.starts_at),
    });
    const next = await touchMinutes(trx, key, latest.id);
    await auditMinutesChange(trx, ctx, key.municipalityCode, {
      action: 'update',
      resourceType: 'meeting_minutes',
      resourceId: latest.id,
      details: { meetingId, ...details },
    });
    return { id: latest.id, version: next };
  });
}

/** The agenda item and the caller's access to it; 404 when it is not the meeting's or unseen. */
export async function visibleItem(
  scope: DraftScope,
  ctx: RequestContext,
  itemId: string,
): Promise<{ item: AgendaItemRow; access: ItemAccess }> {
  const item = (await agendaItems(scope.trx, scope.key)).find((a) => a.id === itemId);
  const access =
    item && (await itemAccesses(scope.trx, ctx.user, scope.meeting, [item])).get(item.id);
  if (!item || !access) throw new AppError('not_found');
  return { item, access };
}

/** Starts the minutes: version 1, a draft. A repeat with the same id answers the same. */
export async function startMinutes(
  ctx: RequestContext,
  meetingId: string,
  body: { id: string },
): Promise<{ id: string; version: number; created: boolean }> {
  const meeting = await writableMeeting(ctx, meetingId);
  const key = meetingKey(meeting);
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await lockLatestMinutes(trx, key);
    if (latest) {
      if (latest.id === body.id) return { id: latest.id, version: latest.version, created: false };
      throw new AppError('conflict', { meta: { minutesId: latest.id } });
    }
    if (await minutesById(trx, key, body.id)) throw new AppError('conflict');
    await insertMinutes(trx, key, {
      id: body.id,
      versionNo: 1,
      correctionReason: null,
      userId: ctx.user.id,
    });
    await auditMinutesChange(trx, ctx, key.municipalityCode, {
      action: 'create',
      resourceType: 'meeting_minutes',
      resourceId: body.id,
      details: { meetingId, versionNo: 1 },
    });
    return { id: body.id, version: 1, created: true };
  });
}

/** What was assessed and decided on one item, in words. */
export function saveItem(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  body: { version: number; assessed: string | null; decision: string | null },
) {
  return inDraft(ctx, meetingId, body.version, async (scope) => {
    const { access } = await visibleItem(scope, ctx, itemId);
    // The text of a case item may be about the concern itself: written only with the compartment,
    // as a writer without it could not see what they overwrite.
    if (access.kind === 'case' && !access.access.compartment) {
      throw new AppError('forbidden', {
        fields: [{ field: 'params.itemId', code: 'minutes_text_hidden' }],
      });
    }
    reject(
      textProblems(scope.forumKind, {
        'body.assessed': body.assessed,
        'body.decision': body.decision,
      }),
    );
    await upsertMinutesItem(scope.trx, scope.key, scope.minutesId, itemId, ctx.user.id, {
      assessed: body.assessed,
      decision: body.decision,
    });
    return { agendaItemId: itemId, text: true };
  });
}

/** A decision that acts on the item's record, made through the record's own module. */
export function recordDecision(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  body: { version: number; action: MinutesActionInput } & RecordVersions,
  now = new Date(),
) {
  return inDraft(
    ctx,
    meetingId,
    body.version,
    async (scope) => {
      const { item, access } = await visibleItem(scope, ctx, itemId);
      // A decision acts on the record: not before the meeting has begun.
      if (scope.startsAt > now) {
        reject([{ field: 'body.action', code: 'minutes_meeting_not_started' }]);
      }
      const current = (await minutesItems(scope.trx, scope.key, scope.minutesId)).find(
        (r) => r.agenda_item_id === itemId,
      );
      if (current?.action_kind) {
        reject([{ field: 'body.action', code: 'minutes_action_already_taken' }]);
      }
      const made = await actOnRecord(
        scope.trx,
        ctx,
        { meetingId, forumKind: scope.forumKind, itemKind: item.kind, day: scope.day },
        access,
        body.action,
        now,
        { inquiryVersion: body.inquiryVersion, caseVersion: body.caseVersion },
      );
      await upsertMinutesItem(scope.trx, scope.key, scope.minutesId, itemId, ctx.user.id, {
        action: { kind: body.action.kind, resourceId: made.resourceId },
      });
      return { agendaItemId: itemId, decision: body.action.kind };
    },
    now,
  );
}

/** Who was present: invited users and external guests, by id (an unknown id answers 400). */
export function saveAttendance(
  ctx: RequestContext,
  meetingId: string,
  body: {
    version: number;
    participants: { userId: string; attended: boolean | null }[];
    guests: { id: string; attended: boolean | null }[];
  },
) {
  return inDraft(ctx, meetingId, body.version, async (scope) => {
    const changed = await setAttended(scope.trx, scope.key, body.participants, body.guests);
    if (changed !== body.participants.length + body.guests.length) {
      reject([{ field: 'body.participants', code: 'minutes_attendance_unknown' }]);
    }
    return { attendance: changed };
  });
}

/**
 * The chair approves the latest draft; from then on it is read-only. The Infohus network's
 * minutes need the chair's confirmation that they hold no personal data (stored with who, when).
 */
export async function approveMinutes(
  ctx: RequestContext,
  meetingId: string,
  body: { version: number; noPersonalDataConfirmed: boolean },
): Promise<{ id: string; version: number }> {
  const meeting = await requireMeeting(ctx.db, ctx.user, meetingId);
  const key = meetingKey(meeting);
  return ctx.db.transaction().execute(async (trx) => {
    const heading = await meetingHeading(trx, key);
    if (!heading) throw new AppError('not_found');
    await requireMinutesAbility(trx, meeting, 'approveMinutes', heading.chair_user_id !== null);
    const latest = await lockLatestMinutes(trx, key);
    if (!latest) throw new AppError('not_found');
    if (latest.status === 'approved') throw new AppError('minutes_approved');
    if (latest.version !== body.version) throw staleVersion(latest.version);
    const network = heading.forum_kind === 'infohus_network';
    if (network && !body.noPersonalDataConfirmed) {
      reject([{ field: 'body.noPersonalDataConfirmed', code: 'minutes_confirm_no_personal_data' }]);
    }
    await approveMinutesRow(trx, key, latest.id, ctx.user.id, network, await attendance(trx, key));
    await auditMinutesChange(trx, ctx, key.municipalityCode, {
      action: 'update',
      resourceType: 'meeting_minutes',
      resourceId: latest.id,
      details: { meetingId, approved: true, versionNo: latest.version_no, confirmed: network },
    });
    return { id: latest.id, version: latest.version + 1 };
  });
}

/** A correction: a new draft version copied from the approved one, which stays readable. */
export async function newMinutesVersion(
  ctx: RequestContext,
  meetingId: string,
  body: { id: string; version: number; reason: string },
): Promise<{ id: string; version: number; created: boolean }> {
  const meeting = await writableMeeting(ctx, meetingId);
  const key = meetingKey(meeting);
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await lockLatestMinutes(trx, key);
    if (!latest) throw new AppError('not_found');
    if (latest.id === body.id) return { id: latest.id, version: latest.version, created: false };
    if (latest.status !== 'approved') {
      reject([{ field: 'body.version', code: 'minutes_draft_exists' }]);
    }
    if (latest.version !== body.version) throw staleVersion(latest.version);
    reject(
      textProblems((await meetingHeading(trx, key))?.forum_kind ?? '', {
        'body.reason': body.reason,
      }),
    );
    await insertMinutes(trx, key, {
      id: body.id,
      versionNo: latest.version_no + 1,
      correctionReason: body.reason,
      userId: ctx.user.id,
    });
    await copyMinutesItems(trx, key, latest.id, body.id, ctx.user.id);
    await auditMinutesChange(trx, ctx, key.municipalityCode, {
      action: 'create',
      resourceType: 'meeting_minutes',
      resourceId: body.id,
      details: { meetingId, versionNo: latest.version_no + 1, correctionOf: latest.id },
    });
    return { id: body.id, version: 1, created: true };
  });
}
