import { sql, type Kysely } from 'kysely';
import { inUsersArea } from '../../access/records.ts';
import { RoleSchema } from '../../access/roles.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { FORUM_MEMBER_ROLES, type ForumCandidate, type ForumMember } from './schema.ts';
import { escapeLike } from '../../platform/db/text-search.ts';
import { worksIn } from '../../access/queries-records.ts';
import {
  ForumKindSchema,
  MeetingCadenceSchema,
  type ForumKind,
  type MeetingCadence,
} from '../../../shared/organisation-model.ts';

/**
 * Reads of the forums. Every query is limited to the caller's area: their municipality, or for
 * police staff the municipalities their district covers (`inUsersArea`). Whether the caller may
 * see the members or change the forum is decided by the service on top of this.
 */

/** A forum row as the service works with it (the caller's membership included). */
export interface ForumRow {
  id: string;
  municipalityCode: string;
  name: string;
  kind: ForumKind;
  cadence: MeetingCadence | null;
  archivedAt: string | null;
  memberCount: number;
  isMember: boolean;
  version: number;
}

function selectForums(db: Kysely<DB>, user: CurrentUser) {
  return db
    .selectFrom('forums as f')
    .select((eb) => [
      'f.id',
      'f.municipality_code',
      'f.name',
      'f.kind',
      'f.cadence',
      'f.archived_at',
      'f.version',
      eb
        .selectFrom('forum_members as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.forum_id', '=', 'f.id')
        .as('member_count'),
      eb
        .exists(
          eb
            .selectFrom('forum_members as m')
            .select(sql`1`.as('one'))
            .whereRef('m.forum_id', '=', 'f.id')
            .where('m.user_id', '=', user.id),
        )
        .as('is_member'),
    ])
    .where(inUsersArea('f.municipality_code', user));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectForums>['executeTakeFirstOrThrow']>>;

function toForum(r: Row): ForumRow {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    name: r.name,
    kind: ForumKindSchema.parse(r.kind),
    cadence: r.cadence === null ? null : MeetingCadenceSchema.parse(r.cadence),
    archivedAt: r.archived_at?.toISOString() ?? null,
    memberCount: Number(r.member_count ?? 0),
    isMember: Boolean(r.is_member),
    version: r.version,
  };
}

/**
 * The forums of the caller's area, by municipality and name; one round trip. Archived forums only
 * when asked for (the forums page), so that pickers offer the forums in use.
 */
export async function listForums(
  db: Kysely<DB>,
  user: CurrentUser,
  includeArchived = false,
): Promise<ForumRow[]> {
  let query = selectForums(db, user);
  if (!includeArchived) query = query.where('f.archived_at', 'is', null);
  const rows = await query
    .orderBy('f.municipality_code')
    .orderBy('f.name')
    .orderBy('f.id')
    .execute();
  return rows.map(toForum);
}

/** One forum of the caller's area; undefined when missing or outside it (answer 404). */
export async function findForum(
  db: Kysely<DB>,
  user: CurrentUser,
  id: string,
): Promise<ForumRow | undefined> {
  const row = await selectForums(db, user).where('f.id', '=', id).executeTakeFirst();
  return row && toForum(row);
}

/** The members of a forum by name, with their unit (or police district for police staff). */
export async function listMembers(db: Kysely<DB>, forumId: string): Promise<ForumMember[]> {
  const rows = await db
    .selectFrom('forum_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'u.id',
      'u.display_name',
      'u.roles',
      eb.fn
        .coalesce(
          eb
            .selectFrom('user_units as uu')
            .innerJoin('units as un', 'un.id', 'uu.unit_id')
            .select('un.name')
            .whereRef('uu.user_id', '=', 'u.id')
            .orderBy('un.name')
            .limit(1),
          eb
            .selectFrom('police_districts as pd')
            .select('pd.name')
            .whereRef('pd.id', '=', 'u.police_district_id'),
        )
        .as('unit_name'),
    ])
    .where('m.forum_id', '=', forumId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    roles: r.roles.map((role) => RoleSchema.parse(role)),
    unitName: r.unit_name ?? null,
  }));
}

/** SQL: the roles a user must have one of to sit in a forum. */
const eligibleRoles = sql<boolean>`u.roles && array[${sql.join(FORUM_MEMBER_ROLES)}]::text[]`;

/**
 * Users who may sit in a forum of this municipality: active, with a fitting role, working in the
 * municipality or for the police district that covers it.
 */
function eligibleUsers(db: Kysely<DB>, municipalityCode: string) {
  return db
    .selectFrom('users as u')
    .where('u.disabled_at', 'is', null)
    .where(eligibleRoles)
    .where(worksIn('u', municipalityCode));
}

/** Whether the user may be added to a forum of this municipality. */
export async function isEligible(
  db: Kysely<DB>,
  municipalityCode: string,
  userId: string,
): Promise<boolean> {
  const row = await eligibleUsers(db, municipalityCode)
    .select('u.id')
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export const CANDIDATE_LIMIT = 20;

/** Eligible users who are not yet members, matching `q` (name or username), by name. */
export async function listCandidates(
  db: Kysely<DB>,
  forum: { id: string; municipalityCode: string },
  q: string | undefined,
): Promise<ForumCandidate[]> {
  let query = eligibleUsers(db, forum.municipalityCode)
    .select(['u.id', 'u.display_name', 'u.roles'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('forum_members as m')
            .select(sql`1`.as('one'))
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.forum_id', '=', forum.id),
        ),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(CANDIDATE_LIMIT);
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    roles: r.roles.map((role) => RoleSchema.parse(role)),
  }));
}
