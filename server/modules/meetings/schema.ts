import { z } from 'zod';
import {
  ForumKindSchema,
  MAX_REPEAT,
  MeetingStatusSchema,
  MeetingTypeSchema,
  ParticipantKindSchema,
} from '../../../shared/meetings.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly, DateTime, Version } from '../../platform/primitives.ts';

/**
 * Request and response shapes of the meetings (issue 14 part 2): a forum's meetings, their
 * participants and external guests. Request objects are strict; the response schemas are the
 * presenters (never a citizen, a case or an inquiry: a meeting names its forum, time and place).
 * Rules between fields (end after start, a place or a link, a start in the past) are the
 * service's, so they answer on the field with the meeting's own codes.
 */

const Place = z.string().trim().min(1).max(300);
const VideoLink = z
  .url({ protocol: /^https$/ })
  .max(500)
  .describe('An https link to the video meeting');

export const MeetingIdParams = z.object({ id: z.uuid() }).strict();
export const MeetingParticipantParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();
export const MeetingGuestParams = z.object({ id: z.uuid(), guestId: z.uuid() }).strict();

export const CreateMeetingBody = z
  .object({
    /** Chosen by the client: the same id and body again answers the same meeting. */
    id: z.uuid(),
    forumId: z.uuid(),
    meetingType: MeetingTypeSchema,
    startsAt: DateTime,
    endsAt: DateTime,
    place: Place.nullable().optional(),
    videoLink: VideoLink.nullable().optional(),
    chairUserId: z.uuid().nullable().optional(),
    noteTakerUserId: z.uuid().nullable().optional(),
    /** The meeting was held already and is entered afterwards (a start in the past needs it). */
    recordedAfterwards: z.boolean().optional(),
    /** How many meetings to make at the forum's cadence, this one included (default 1). */
    repeat: z.number().int().min(1).max(MAX_REPEAT).optional(),
  })
  .strict();
export type CreateMeeting = z.infer<typeof CreateMeetingBody>;

export const UpdateMeetingBody = z
  .object({
    version: Version,
    startsAt: DateTime.optional(),
    endsAt: DateTime.optional(),
    place: Place.nullable().optional(),
    videoLink: VideoLink.nullable().optional(),
    chairUserId: z.uuid().nullable().optional(),
    noteTakerUserId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdateMeeting = z.infer<typeof UpdateMeetingBody>;

export const CancelMeetingBody = z
  .object({ version: Version, reason: z.string().trim().min(1).max(1000) })
  .strict();

export const AddParticipantBody = z
  .object({
    userId: z.uuid(),
    /** A guest's one agenda item of this meeting; without it the user is invited as a member. */
    agendaItemId: z.uuid().nullable().optional(),
  })
  .strict();

export const AddExternalGuestBody = z
  .object({
    id: z.uuid(),
    agendaItemId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().min(1).max(200).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();
export type AddExternalGuest = z.infer<typeof AddExternalGuestBody>;

export const MeetingListQuery = z
  .object({
    forumId: z.uuid().optional(),
    from: DateOnly.optional().describe('First day (Danish time); default today'),
    to: DateOnly.optional().describe('Last day (Danish time)'),
    status: MeetingStatusSchema.optional(),
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();
export type MeetingListFilter = z.infer<typeof MeetingListQuery>;

/** What the caller may do with a meeting, computed in server/access/meeting-access.ts. */
export const MeetingAbilitiesSchema = z.object({
  manage: z.boolean(),
  cancel: z.boolean(),
  writeMinutes: z.boolean(),
  approveMinutes: z.boolean(),
  seeAgenda: z.boolean(),
});

export const MeetingSummarySchema = z.object({
  id: z.uuid(),
  forumId: z.uuid(),
  forumName: z.string(),
  forumKind: ForumKindSchema,
  meetingType: MeetingTypeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  status: MeetingStatusSchema,
  seriesId: z.uuid().nullable(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingListSchema = z.object({
  items: z.array(MeetingSummarySchema),
  nextCursor: z.string().nullable(),
});

export const MeetingParticipantSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  kind: ParticipantKindSchema,
  agendaItemId: z.uuid().nullable(),
  invitationQueued: z.boolean(),
});

export const ExternalGuestSchema = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid(),
  name: z.string(),
  organisation: z.string().nullable(),
  hasEmail: z.boolean(),
  invitationQueued: z.boolean(),
});

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  chair: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
  noteTaker: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
  recordedAfterwards: z.boolean(),
  cancelReason: z.string().nullable(),
  participants: z.array(MeetingParticipantSchema),
  /** Only for those who may manage the meeting (names and addresses of people outside it). */
  externalGuests: z.array(ExternalGuestSchema),
  abilities: MeetingAbilitiesSchema,
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const CreateMeetingResultSchema = MeetingDetailSchema.extend({
  /** The ids of every meeting made (the series), this one first. */
  seriesMeetingIds: z.array(z.uuid()),
});
