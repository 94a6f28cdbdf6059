import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { inUsersArea } from './queries-records.ts';
import type { CurrentUser } from './sessions.ts';

/** Need-to-know's SQL for housing areas (see area-access.ts): each area and the caller's place in it. */

export interface AreaAccessRow {
  id: string;
  municipality_code: string;
  team_forum_id: string | null;
  archived: boolean;
  version: number;
  /** The caller sits in the area's team forum. */
  team_member: boolean;
  /** The caller's live partner grant on the area (null: none). */
  partner_contributes: boolean | null;
  partner_sees_overview: boolean | null;
  /** The caller sits in a steering group of the area's municipality. */
  steering_member: boolean;
}

/**
 * The areas the caller may have a standing in: those of their own municipality (or their police
 * district's, for a member of the area's live team forum) and those a live partner grant names
 * while its user is still a partner (or municipal user) of the area's municipality. `areaIds` narrows the set
 * (the batch form for lists: ids in, the visible ones out); undefined: all such areas.
 */
export async function areaAccessRows(
  db: Kysely<DB>,
  user: CurrentUser,
  areaIds?: readonly string[],
): Promise<AreaAccessRow[]> {
  if (areaIds !== undefined && areaIds.length === 0) return [];
  // The area's team forum counts while it is not archived.
  const teamMember = sql<boolean>`exists (select 1 from forum_members fm
      join forums f on f.id = fm.forum_id and f.archived_at is null
      where fm.forum_id = a.team_forum_id and fm.user_id = ${user.id})`;
  // A live grant counts while its user is still what it was granted to (partners.ts): an active
  // user who is a partner user of the area's municipality (organisation still active), or a
  // municipal user of it. A partner removed from the municipality keeps no standing.
  const grantStillHolds = sql<SqlBool>`exists (select 1 from users gu
      where gu.id = p.user_id and gu.disabled_at is null and (
        exists (select 1 from partner_users pu
          join partner_organisations po on po.id = pu.organisation_id and po.active
          where pu.user_id = gu.id and pu.municipality_code = a.municipality_code)
        or (gu.municipality_code = a.municipality_code and not ('partner' = any(gu.roles))
          and cardinality(gu.roles) > 0)))`;
  const partner = (column: 'may_contribute' | 'sees_overview') =>
    sql<boolean | null>`(select p.${sql.ref(column)} from housing_area_partners p
      where p.area_id = a.id and p.user_id = ${user.id} and p.revoked_at is null
        and ${grantStillHolds})`;
  const steering = sql<boolean>`exists (select 1 from forum_members fm
      join forums f on f.id = fm.forum_id
      where fm.user_id = ${user.id} and f.kind = 'steering_group' and f.archived_at is null
        and f.municipality_code = a.municipality_code)`;
  let query = db
    .selectFrom('housing_areas as a')
    .select([
      'a.id',
      'a.municipality_code',
      'a.team_forum_id',
      sql<boolean>`a.archived_at is not null`.as('archived'),
      'a.version',
      teamMember.as('team_member'),
      partner('may_contribute').as('partner_contributes'),
      partner('sees_overview').as('partner_sees_overview'),
      steering.as('steering_member'),
    ])
    .where((eb) =>
      eb.or([
        eb(sql<string>`a.municipality_code`, '=', user.municipalityCode ?? ''),
        eb.and([inUsersArea('a.municipality_code', user), sql<SqlBool>`${teamMember}`]),
        sql<SqlBool>`${partner('may_contribute')} is not null`,
      ]),
    );
  if (areaIds !== undefined) query = query.where('a.id', 'in', areaIds);
  return query.execute();
}
