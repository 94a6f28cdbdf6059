import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { allows } from './policies.ts';
import { meetingAccessRow } from './queries-meetings.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may see and do what in a meeting: the one place that decides it (issue 14 part 5).
 *
 * A meeting is seen by its forum's members, its invited participants (a guest: only the agenda
 * items they are invited to), its chair and note-taker, and the municipality's forum managers
 * (`forums.manage`: coordinators and municipal administrators). Anyone else gets 404, exactly
 * as for a meeting that does not exist. Seeing the meeting is not seeing its items: an item about
 * an inquiry or a case is shown only to those who may see that record (the record's own rules,
 * `inquiryAccess`/`caseAccess`), and every view of such an item is audited like a view of the
 * record, with the meeting as the purpose.
 */
export type MeetingStanding = 'chair' | 'note_taker' | 'member' | 'guest' | 'manager';

export interface MeetingAccess {
  meetingId: string;
  municipalityCode: string;
  forumId: string;
  forumKind: string;
  meetingType: string;
  status: string;
  version: number;
  /** How the caller takes part; the strongest applies (chair over note-taker over member…). */
  standing: MeetingStanding;
  /** The caller manages the municipality's forums. */
  manager: boolean;
  /** Only for a guest: the agenda items they may see. Null: every item (subject to the record's rules). */
  onlyItemIds: string[] | null;
  /**
   * The meeting has minutes (a draft or an approved version). Its agenda, its participants and
   * guests, its time and place are then what the minutes record: they no longer change, and the
   * meeting cannot be cancelled (deleting an agenda item would cascade to its minutes).
   */
  hasMinutes: boolean;
}

/** The meeting and the caller's standing in it; undefined when the caller may not see it. */
export async function meetingAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  meetingId: string,
): Promise<MeetingAccess | undefined> {
  const row = await meetingAccessRow(db, user, meetingId);
  if (!row) return undefined;
  // Police staff see the meetings of their district's municipalities they take part in; only
  // the municipality's own forum managers manage its meetings.
  const manager = allows(user, 'forums.manage') && user.municipalityCode === row.municipality_code;
  const standing: MeetingStanding | null =
    row.chair_user_id === user.id
      ? 'chair'
      : row.note_taker_user_id === user.id
        ? 'note_taker'
        : row.forum_member || row.participant_kind === 'member'
          ? 'member'
          : row.participant_kind === 'guest'
            ? 'guest'
            : manager
              ? 'manager'
              : null;
  if (standing === null) return undefined;
  return {
    meetingId: row.id,
    municipalityCode: row.municipality_code,
    forumId: row.forum_id,
    forumKind: row.forum_kind,
    meetingType: row.meeting_type,
    status: row.status,
    version: row.version,
    standing,
    manager,
    onlyItemIds:
      standing === 'guest' ? (row.guest_item_id === null ? [] : [row.guest_item_id]) : null,
    hasMinutes: Boolean(row.has_minutes),
  };
}

/** The meeting and the caller's standing; 404 `not_found` when the caller may not see it. */
export async function requireMeeting(
  db: Kysely<DB>,
  user: CurrentUser,
  meetingId: string,
): Promise<MeetingAccess> {
  const access = await meetingAccess(db, user, meetingId);
  if (!access) throw new AppError('not_found');
  return access;
}

/** The caller may change the meeting (time, place, participants, agenda): its chair or a manager. */
export function mayManageMeeting(access: MeetingAccess): boolean {
  return access.standing === 'chair' || access.manager;
}

/**
 * The caller may see the meeting's numbers (the counts of the municipality's inquiries and cases):
 * anyone who takes part in the whole meeting or manages it; not a guest, who is invited to one
 * item only (finding 12).
 */
export function mayReadNumbers(access: MeetingAccess): boolean {
  return access.standing !== 'guest';
}

/** Refuses (403) what the caller's standing in the meeting does not allow (`allowed` from the rules here). */
export function requireMeetingRight(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}

/**
 * Refuses a change to what the minutes record (agenda, participants, guests, time, place, a
 * cancellation) once the meeting has minutes: 409 `meeting_has_minutes`.
 */
export function requireNoMinutes(access: Pick<MeetingAccess, 'hasMinutes'>): void {
  if (access.hasMinutes) throw new AppError('meeting_has_minutes');
}

/** The caller may change the meeting's agenda: its manager, while it is planned and has no minutes. */
export function mayChangeAgenda(access: MeetingAccess): boolean {
  return mayManageMeeting(access) && access.status === 'planned' && !access.hasMinutes;
}

/** The caller may write the minutes: the note-taker, the chair, or a manager. */
export function mayWriteMinutes(access: MeetingAccess): boolean {
  return access.standing === 'note_taker' || mayManageMeeting(access);
}

/** The caller may approve the minutes: the chair alone (or a manager when the meeting has no chair). */
export function mayApproveMinutes(access: MeetingAccess, hasChair: boolean): boolean {
  return access.standing === 'chair' || (!hasChair && access.manager);
}

/**
 * What the caller may do with the meeting, sent to the web (issue 14 part 2). `heldInModel` is
 * false when the municipality's organisation model does not use the meeting's forum kind (model 1
 * hides the forum and steering-group meetings): then nothing may be done with it.
 */
export function meetingAbilities(
  access: MeetingAccess,
  options: { hasChair: boolean; heldInModel: boolean },
) {
  const open = options.heldInModel && access.status !== 'cancelled';
  const manage = open && mayManageMeeting(access);
  return {
    manage,
    cancel: manage && access.status === 'planned' && !access.hasMinutes,
    writeMinutes: open && mayWriteMinutes(access),
    approveMinutes: open && mayApproveMinutes(access, options.hasChair),
    seeAgenda: options.heldInModel,
  };
}

/**
 * The caller may create meetings for forums of the municipality: those who manage its forums
 * (`forums.manage`: coordinators and municipal administrators). A meeting's chair then manages
 * that meeting (mayManageMeeting).
 */
export function mayCreateMeeting(user: CurrentUser, forum: { municipalityCode: string }): boolean {
  return allows(user, 'forums.manage') && user.municipalityCode === forum.municipalityCode;
}
