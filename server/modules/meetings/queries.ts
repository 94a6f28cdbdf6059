import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { MODEL_1_FORUM_KINDS } from '../../../shared/meetings.ts';
import { inUsersArea, worksIn } from '../../access/queries-records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Reads of the meetings module (owner of meetings, meeting_participants and
 * meeting_external_guests). Every query names the municipality (the tenant key); which meetings
 * a caller may see is decided by server/access/meeting-access.ts, and the list below applies the
 * same rule in SQL.
 */

/** The municipality's organisation model (1 when it has no settings row: the defaults are model 1's). */
export async function organisationModel(db: Kysely<DB>, municipalityCode: string): Promise<number> {
  const row = await db
    .selectFrom('municipality_settings')
    .select('organisation_model')
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.organisation_model ?? 1;
}

export interface ForumForMeeting {
  id: string;
  municipalityCode: string;
  name: string;
  kind: string;
  cadence: string | null;
  archivedAt: Date | null;
}

/** A forum of the municipality; undefined when missing or of another municipality. */
export async function findForum(
  db: Kysely<DB>,
  municipalityCode: string,
  forumId: string,
): Promise<ForumForMeeting | undefined> {
  const row = await db
    .selectFrom('forums')
    .select(['id', 'municipality_code', 'name', 'kind', 'cadence', 'archived_at'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', forumId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      municipalityCode: row.municipality_code,
      name: row.name,
      kind: row.kind,
      cadence: row.cadence,
      archivedAt: row.archived_at,
    }
  );
}

/** The forum's members who are active (they are invited to a new meeting). */
export async function activeForumMembers(db: Kysely<DB>, forumId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.forum_id', '=', forumId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the user sits in the forum. */
export async function isForumMember(
  db: Kysely<DB>,
  forumId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('forum_members')
    .select('user_id')
    .where('forum_id', '=', forumId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the user may be invited to a meeting of the municipality: active, and working in it
 * (staff of the municipality, police of its district) or a partner user of one of its partner
 * organisations.
 */
export async function invitableUser(
  db: Kysely<DB>,
  municipalityCode: string,
  userId: string,
): Promise<{ id: string; roles: string[] } | undefined> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.roles'])
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        worksIn('u', municipalityCode),
        eb.exists(
          eb
            .selectFrom('partner_users as pu')
            .select('pu.user_id')
            .whereRef('pu.user_id', '=', 'u.id')
            .where('pu.municipality_code', '=', municipalityCode),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** Whether the agenda item is one of this meeting's (the tenant key included). */
export async function isItemOfMeeting(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  itemId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_agenda_items')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface MeetingRow {
  id: string;
  municipality_code: string;
  forum_id: string;
  forum_name: string;
  forum_kind: string;
  meeting_type: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  video_link: string | null;
  chair_user_id: string | null;
  chair_name: string | null;
  note_taker_user_id: string | null;
  note_taker_name: string | null;
  series_id: string | null;
  recorded_afterwards: boolean;
  status: string;
  cancel_reason: string | null;
  created_by: string;
  version: number;
}

function selectMeetings(db: Kysely<DB>) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .leftJoin('users as ch', 'ch.id', 'm.chair_user_id')
    .leftJoin('users as nt', 'nt.id', 'm.note_taker_user_id')
    .select([
      'm.id',
      'm.municipality_code',
      'm.forum_id',
      'f.name as forum_name',
      'f.kind as forum_kind',
      'm.meeting_type',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.video_link',
      'm.chair_user_id',
      'ch.display_name as chair_name',
      'm.note_taker_user_id',
      'nt.display_name as note_taker_name',
      'm.series_id',
      'm.recorded_afterwards',
      'm.status',
      'm.cancel_reason',
      'm.created_by',
      'm.version',
    ]);
}

/** One meeting of the municipality (the caller's right to see it is checked before). */
export async function findMeeting(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<MeetingRow | undefined> {
  return selectMeetings(db)
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

type MeetingsEb = ExpressionBuilder<DB & { m: DB['meetings']; f: DB['forums'] }, 'm' | 'f'>;

/**
 * SQL on `meetings as m` joined to `forums as f`: the meeting's forum kind meets in its
 * municipality's organisation model (model 1 holds only MODEL_1_FORUM_KINDS; no settings row is
 * model 1). The rule of shared/meetings.ts `forumKindHoldsMeetings`, per row.
 */
export function heldInModel(eb: MeetingsEb): Expression<SqlBool> {
  return eb.or([
    eb('f.kind', 'in', MODEL_1_FORUM_KINDS),
    eb(
      eb.fn.coalesce(
        eb
          .selectFrom('municipality_settings as ms')
          .select('ms.organisation_model')
          .whereRef('ms.municipality_code', '=', 'm.municipality_code'),
        eb.lit(1),
      ),
      '<>',
      1,
    ),
  ]);
}

/**
 * SQL on `meetings as m`: the caller may see the meeting — in their area (their municipality, or
 * for police staff their district's), they sit in its forum, are invited, chair it or take its
 * notes, or manage the forums of its municipality (meeting-access.ts in SQL).
 */
function visibleMeeting(user: CurrentUser, manager: boolean) {
  return (eb: MeetingsEb): Expression<SqlBool> =>
    eb.and([
      inUsersArea('m.municipality_code', user),
      eb.or([
        manager && user.municipalityCode !== null
          ? eb('m.municipality_code', '=', user.municipalityCode)
          : sql<SqlBool>`false`,
        eb('m.chair_user_id', '=', user.id),
        eb('m.note_taker_user_id', '=', user.id),
        eb.exists(
          eb
            .selectFrom('forum_members as vm')
            .select('vm.user_id')
            .whereRef('vm.forum_id', '=', 'm.forum_id')
            .where('vm.user_id', '=', user.id),
        ),
        eb.exists(
          eb
            .selectFrom('meeting_participants as vp')
            .select('vp.user_id')
            .whereRef('vp.meeting_id', '=', 'm.id')
            .where('vp.user_id', '=', user.id),
        ),
      ]),
    ]);
}

export interface ListFilter {
  user: CurrentUser;
  /** The caller manages the forums of their municipality. */
  manager: boolean;
  forumId?: string;
  from: Date;
  before?: Date;
  status?: string;
  after: { t: string; id: string } | null;
  limit: number;
}

/** The caller's meetings from `from`, by start and id (keyset), one round trip. */
export async function listMeetings(db: Kysely<DB>, filter: ListFilter): Promise<MeetingRow[]> {
  let query = selectMeetings(db)
    .where(visibleMeeting(filter.user, filter.manager))
    .where(heldInModel)
    .where('m.starts_at', '>=', filter.from)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(filter.limit + 1);
  if (filter.forumId) query = query.where('m.forum_id', '=', filter.forumId);
  if (filter.before) query = query.where('m.starts_at', '<', filter.before);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  if (filter.after) {
    const { t, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('m.starts_at', '>', new Date(t)),
        eb.and([eb('m.starts_at', '=', new Date(t)), eb('m.id', '>', id)]),
      ]),
    );
  }
  return query.execute();
}

export interface ParticipantRow {
  user_id: string;
  display_name: string;
  kind: string;
  agenda_item_id: string | null;
  invitation_queued_at: Date | null;
}

export async function listParticipants(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<ParticipantRow[]> {
  return db
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.display_name', 'p.kind', 'p.agenda_item_id', 'p.invitation_queued_at'])
    .where('p.municipality_code', '=', municipalityCode)
    .where('p.meeting_id', '=', meetingId)
    .orderBy('p.kind', 'desc')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export async function listExternalGuests(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
) {
  return db
    .selectFrom('meeting_external_guests')
    .select(['id', 'agenda_item_id', 'name', 'organisation', 'email', 'invitation_queued_at'])
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The meetings of a series, by start. */
export async function seriesMeetingIds(
  db: Kysely<DB>,
  municipalityCode: string,
  seriesId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('meetings')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('series_id', '=', seriesId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether any meeting, of any municipality, has the id (unscoped on purpose: a client-chosen id
 * another municipality already uses is refused, and nothing about that meeting is answered).
 */
export async function unsafeMeetingIdTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
