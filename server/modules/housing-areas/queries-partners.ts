import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaPartner } from './schema.ts';

/** The SQL of the partners granted an area (housing_area_partners); always by the tenant key. */
type Db = Kysely<DB>;

/** The live grants of the area, by name. */
export async function partnerRows(
  db: Db,
  municipalityCode: string,
  areaId: string,
): Promise<AreaPartner[]> {
  const rows = await db
    .selectFrom('housing_area_partners as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.user_id',
      'u.display_name',
      'u.roles',
      'p.may_contribute',
      'p.sees_overview',
      'p.version',
    ])
    .where('p.municipality_code', '=', municipalityCode)
    .where('p.area_id', '=', areaId)
    .where('p.revoked_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('p.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    isPartnerUser: r.roles.includes('partner'),
    mayContribute: r.may_contribute,
    seesOverview: r.sees_overview,
    version: r.version,
  }));
}

/** The grant (live or revoked) of one user on the area, locked for a change. */
export async function lockPartner(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
  userId: string,
) {
  return trx
    .selectFrom('housing_area_partners')
    .select(['user_id', 'revoked_at', 'version', 'may_contribute', 'sees_overview'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertPartner(
  trx: Transaction<DB>,
  row: {
    area_id: string;
    user_id: string;
    municipality_code: string;
    may_contribute: boolean;
    sees_overview: boolean;
    granted_by: string;
  },
) {
  await trx
    .insertInto('housing_area_partners')
    .values({ ...row, granted_at: new Date() })
    .execute();
}

export async function updatePartner(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
  userId: string,
  version: number,
  change: {
    may_contribute?: boolean;
    sees_overview?: boolean;
    revoked_at?: Date | null;
    granted_by?: string;
    granted_at?: Date;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('housing_area_partners')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Users the caller may grant the area: the municipality's partner users (partners module's
 * partner_users) and its active municipal users who are not on the area's team. `userId` narrows
 * to one (the check of an id that arrives in a request).
 */
export async function partnerCandidates(
  db: Db,
  municipalityCode: string,
  teamForumId: string | null,
  userId?: string,
) {
  let query = db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.display_name',
      sql<boolean>`'partner' = any(u.roles)`.as('is_partner_user'),
    ])
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('partner_users as pu')
            .select('pu.user_id')
            .whereRef('pu.user_id', '=', 'u.id')
            .where('pu.municipality_code', '=', municipalityCode),
        ),
        eb.and([
          eb('u.municipality_code', '=', municipalityCode),
          sql<SqlBool>`not ('partner' = any(u.roles)) and cardinality(u.roles) > 0`,
        ]),
      ]),
    );
  if (teamForumId) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('forum_members as fm')
            .select('fm.user_id')
            .whereRef('fm.user_id', '=', 'u.id')
            .where('fm.forum_id', '=', teamForumId),
        ),
      ),
    );
  }
  if (userId) query = query.where('u.id', '=', userId);
  return query.orderBy('u.display_name').orderBy('u.id').limit(500).execute();
}
