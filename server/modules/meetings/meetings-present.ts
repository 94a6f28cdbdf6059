import type { Kysely } from 'kysely';
import { meetingAbilities, type MeetingAccess } from '../../access/meeting-access.ts';
import {
  ForumKindSchema,
  forumKindHoldsMeetings,
  MeetingStatusSchema,
  MeetingTypeSchema,
  ParticipantKindSchema,
} from '../../../shared/meetings.ts';
import type { DB } from '../../platform/db/schema.ts';
import * as queries from './queries.ts';
import type { MeetingDetail, MeetingSummary } from './schema.ts';

/** The meeting as the caller may see it: the presenters of the meetings module. */

export function summaryOf(row: queries.MeetingRow): MeetingSummary {
  return {
    id: row.id,
    forumId: row.forum_id,
    forumName: row.forum_name,
    forumKind: ForumKindSchema.parse(row.forum_kind),
    meetingType: MeetingTypeSchema.parse(row.meeting_type),
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    place: row.place,
    videoLink: row.video_link,
    status: MeetingStatusSchema.parse(row.status),
    seriesId: row.series_id,
    version: row.version,
  };
}

/**
 * One meeting with its participants and the caller's abilities (the external guests for
 * managers). A guest sees the members and themselves, not the other guests nor their items.
 */
export async function detailOf(
  db: Kysely<DB>,
  access: MeetingAccess,
  organisationModel: number,
  viewerUserId: string,
): Promise<MeetingDetail> {
  const row = await queries.findMeeting(db, access.municipalityCode, access.meetingId);
  if (!row) throw new Error('meeting vanished inside its transaction');
  const heldInModel = forumKindHoldsMeetings(
    ForumKindSchema.parse(row.forum_kind),
    organisationModel,
  );
  const abilities = meetingAbilities(
    { ...access, status: row.status, version: row.version },
    { hasChair: row.chair_user_id !== null, heldInModel },
  );
  const participants = (await queries.listParticipants(db, row.municipality_code, row.id)).filter(
    (p) => access.standing !== 'guest' || p.kind === 'member' || p.user_id === viewerUserId,
  );
  const guests =
    abilities.manage || access.manager
      ? await queries.listExternalGuests(db, row.municipality_code, row.id)
      : [];
  return {
    ...summaryOf(row),
    chair:
      row.chair_user_id && row.chair_name
        ? { userId: row.chair_user_id, displayName: row.chair_name }
        : null,
    noteTaker:
      row.note_taker_user_id && row.note_taker_name
        ? { userId: row.note_taker_user_id, displayName: row.note_taker_name }
        : null,
    recordedAfterwards: row.recorded_afterwards,
    cancelReason: row.cancel_reason,
    participants: participants.map((p) => ({
      userId: p.user_id,
      displayName: p.display_name,
      kind: ParticipantKindSchema.parse(p.kind),
      agendaItemId: p.agenda_item_id,
      invitationQueued: p.invitation_queued_at !== null,
    })),
    externalGuests: guests.map((g) => ({
      id: g.id,
      agendaItemId: g.agenda_item_id,
      name: g.name,
      organisation: g.organisation,
      hasEmail: g.email !== null,
      invitationQueued: g.invitation_queued_at !== null,
    })),
    abilities,
  };
}
