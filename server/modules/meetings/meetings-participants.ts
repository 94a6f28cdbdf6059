import { requireNoMinutes } from '../../access/meeting-access.ts';
import { managedMeeting, meetingDetail } from './service.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { queueMeetingMail } from './meetings-mail.ts';
import * as queries from './queries.ts';
import * as writes from './queries-writes.ts';
import type { AddExternalGuest, MeetingDetail } from './schema.ts';

/**
 * A meeting's participants and guests (issue 14 part 2): the forum's members are invited when the
 * meeting is made; its chair or a manager adds and removes members, invites a guest — a partner
 * user of the municipality's partner organisations or a colleague from outside the forum — to
 * ONE agenda item of this meeting, or a named external guest (name, organisation, e-mail) to one
 * item. Each change sends the person their invitation (or cancellation) and writes its audit
 * entry: ids only, never a name or an address.
 */

const fail = (fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** Invites a user: a member without an item, a guest to one agenda item of this meeting. */
export async function addParticipant(
  ctx: RequestContext,
  meetingId: string,
  body: { userId: string; agendaItemId?: string | null | undefined },
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, row, meetingEvent } = await managedMeeting(trx, ctx, meetingId);
    const code = access.municipalityCode;
    const user = await queries.invitableUser(trx, code, body.userId);
    if (!user) throw fail([{ field: 'body.userId', code: 'meeting_participant_not_invitable' }]);
    const itemId = body.agendaItemId ?? null;
    if (itemId !== null && !(await queries.isItemOfMeeting(trx, code, meetingId, itemId))) {
      throw fail([{ field: 'body.agendaItemId', code: 'meeting_item_not_of_meeting' }]);
    }
    if (itemId === null && user.roles.includes('partner')) {
      throw fail([{ field: 'body.agendaItemId', code: 'meeting_guest_item_required' }]);
    }
    const kind = itemId === null ? 'member' : 'guest';
    const added = await writes.insertParticipants(trx, [
      {
        meeting_id: meetingId,
        municipality_code: code,
        user_id: user.id,
        kind,
        agenda_item_id: itemId,
      },
    ]);
    if (added === 0) return meetingDetail(trx, ctx, meetingId);
    if (row.status === 'planned') {
      await queueMeetingMail(trx, {
        municipalityCode: code,
        meetings: [{ id: meetingId, version: row.version }],
        kind: 'invitation',
        onlyUserId: user.id,
      });
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      meetingEvent({
        action: 'permission_change',
        resourceId: meetingId,
        details: {
          change: 'participant_added',
          participantUserId: user.id,
          kind,
          agendaItemId: itemId,
        },
      }),
    );
    return meetingDetail(trx, ctx, meetingId);
  });
}

/** Removes a participant (404 for one who is not); they are sent a cancellation. */
export async function removeParticipant(
  ctx: RequestContext,
  meetingId: string,
  userId: string,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, row, meetingEvent } = await managedMeeting(trx, ctx, meetingId);
    // The minutes record who took part: removing them would rewrite that.
    requireNoMinutes(access);
    const code = access.municipalityCode;
    if (row.status === 'planned') {
      await queueMeetingMail(trx, {
        municipalityCode: code,
        meetings: [{ id: meetingId, version: row.version }],
        kind: 'cancel',
        onlyUserId: userId,
      });
    }
    if (!(await writes.deleteParticipant(trx, code, meetingId, userId))) {
      throw new AppError('not_found');
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      meetingEvent({
        action: 'permission_change',
        resourceId: meetingId,
        details: { change: 'participant_removed', participantUserId: userId },
      }),
    );
    return meetingDetail(trx, ctx, meetingId);
  });
}

/** Invites a named person from outside the product to one agenda item (idempotent by id). */
export async function addExternalGuest(
  ctx: RequestContext,
  meetingId: string,
  body: AddExternalGuest,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, row, meetingEvent } = await managedMeeting(trx, ctx, meetingId);
    const code = access.municipalityCode;
    const taken = await writes.externalGuestIdTaken(trx, body.id);
    if (taken) {
      if (taken.meeting_id === meetingId && taken.municipality_code === code) {
        return meetingDetail(trx, ctx, meetingId);
      }
      throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'meeting_id_taken' }] });
    }
    if (!(await queries.isItemOfMeeting(trx, code, meetingId, body.agendaItemId))) {
      throw fail([{ field: 'body.agendaItemId', code: 'meeting_item_not_of_meeting' }]);
    }
    await writes.insertExternalGuest(trx, {
      id: body.id,
      municipality_code: code,
      meeting_id: meetingId,
      agenda_item_id: body.agendaItemId,
      name: body.name,
      organisation: body.organisation ?? null,
      email: body.email ?? null,
      created_by: ctx.user.id,
    });
    if (row.status === 'planned') {
      await queueMeetingMail(trx, {
        municipalityCode: code,
        meetings: [{ id: meetingId, version: row.version }],
        kind: 'invitation',
        onlyGuestId: body.id,
      });
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      meetingEvent({
        action: 'permission_change',
        resourceId: meetingId,
        details: {
          change: 'external_guest_added',
          guestId: body.id,
          agendaItemId: body.agendaItemId,
        },
      }),
    );
    return meetingDetail(trx, ctx, meetingId);
  });
}

/** Removes an external guest (404 for one not of this meeting). */
export async function removeExternalGuest(
  ctx: RequestContext,
  meetingId: string,
  guestId: string,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, meetingEvent } = await managedMeeting(trx, ctx, meetingId);
    requireNoMinutes(access);
    if (!(await writes.deleteExternalGuest(trx, access.municipalityCode, meetingId, guestId))) {
      throw new AppError('not_found');
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      meetingEvent({
        action: 'permission_change',
        resourceId: meetingId,
        details: { change: 'external_guest_removed', guestId },
      }),
    );
    return meetingDetail(trx, ctx, meetingId);
  });
}
