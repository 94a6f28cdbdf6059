import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaCadence } from '../../../shared/housing-areas.ts';

/**
 * The SQL of mapping rounds and their contributions (area_rounds, area_round_contributions).
 * Every query matches the tenant key; the caller has decided the area is visible
 * (server/access/area-access.ts). The overview's SQL is in queries-overview.ts.
 */
type Db = Kysely<DB> | Transaction<DB>;

/** What a round needs of its area: the name (tasks), cadence and team forum. */
export async function areaOfRounds(db: Db, municipalityCode: string, areaId: string) {
  const row = await db
    .selectFrom('housing_areas')
    .select(['id', 'name', 'cadence', 'team_forum_id'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', areaId)
    .executeTakeFirst();
  return row && { ...row, cadence: row.cadence as AreaCadence | null };
}

/** Locks the area row: one round is started at a time per area (numbers stay unique). */
export async function lockArea(trx: Transaction<DB>, municipalityCode: string, areaId: string) {
  await trx
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', areaId)
    .forUpdate()
    .executeTakeFirst();
}

const roundColumns = [
  'r.id',
  'r.area_id',
  'r.number',
  'r.status',
  sql<string>`to_char(r.due_on, 'YYYY-MM-DD')`.as('due_on'),
  sql<string | null>`to_char(r.held_on, 'YYYY-MM-DD')`.as('held_on'),
  'r.participants',
  'r.meeting_id',
  'r.systematised_at',
  'r.version',
] as const;

/** The rounds of an area, newest first, with their contributions counted (all, and the caller's). */
export async function roundsOf(
  db: Db,
  municipalityCode: string,
  areaId: string,
  userId: string,
  roundId?: string,
) {
  let query = db
    .selectFrom('area_rounds as r')
    .leftJoin('meetings as m', 'm.id', 'r.meeting_id')
    .select(roundColumns)
    .select([
      'm.starts_at as meeting_starts_at',
      sql<number>`(select count(*)::int from area_round_contributions c where c.round_id = r.id)`.as(
        'contribution_count',
      ),
      sql<number>`(select count(*)::int from area_round_contributions c
        where c.round_id = r.id and c.contributor_id = ${userId})`.as('own_count'),
    ])
    .where('r.municipality_code', '=', municipalityCode)
    .where('r.area_id', '=', areaId)
    .orderBy('r.number', 'desc');
  if (roundId !== undefined) query = query.where('r.id', '=', roundId);
  return query.execute();
}
export type RoundRow = Awaited<ReturnType<typeof roundsOf>>[number];

/** One round of the area locked for a change (undefined: not this area's). */
export async function lockRound(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
  roundId: string,
) {
  return trx
    .selectFrom('area_rounds')
    .select(['id', 'number', 'status', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('id', '=', roundId)
    .forUpdate()
    .executeTakeFirst();
}

/** The latest round of the area (by number), if any. */
export async function latestRound(db: Db, municipalityCode: string, areaId: string) {
  return db
    .selectFrom('area_rounds')
    .select([
      'id',
      'number',
      'status',
      sql<string>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'),
      sql<string | null>`to_char(held_on, 'YYYY-MM-DD')`.as('held_on'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Whether a round id is taken anywhere (a repeated create of another area's id is refused). */
export async function roundIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('area_rounds')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRound(
  trx: Transaction<DB>,
  values: {
    id: string;
    municipality_code: string;
    area_id: string;
    number: number;
    due_on: string;
    held_on: string | null;
    participants: string | null;
    meeting_id: string | null;
    opened_by: string;
  },
) {
  const now = new Date();
  await trx
    .insertInto('area_rounds')
    .values({ ...values, created_at: now, updated_at: now })
    .execute();
}

/** Changes a round at the version the caller saw; false when the version moved on. */
export async function updateRoundAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  roundId: string,
  version: number,
  values: {
    status?: 'open' | 'closed' | 'systematised';
    held_on?: string | null;
    participants?: string | null;
    meeting_id?: string | null;
    systematised_at?: Date;
    systematised_by?: string;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('area_rounds')
    .set({ ...values, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', roundId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A round's contributions (only the contributor's when `contributorId` is given), in order. */
export async function contributionsOf(
  db: Db,
  municipalityCode: string,
  roundId: string,
  contributorId?: string,
) {
  let query = db
    .selectFrom('area_round_contributions as c')
    .innerJoin('users as u', 'u.id', 'c.contributor_id')
    .select([
      'c.id',
      'c.round_id',
      'c.contributor_id',
      'c.part_id',
      'c.stance',
      'c.category',
      'c.sign',
      'c.label',
      'c.description',
      'c.how_to_reach',
      'c.updated_at',
      'c.version',
      'u.display_name as contributor_name',
    ])
    .where('c.municipality_code', '=', municipalityCode)
    .where('c.round_id', '=', roundId)
    .orderBy('c.category')
    .orderBy('c.created_at')
    .orderBy('c.id');
  if (contributorId !== undefined) query = query.where('c.contributor_id', '=', contributorId);
  return query.execute();
}
export type ContributionRow = Awaited<ReturnType<typeof contributionsOf>>[number];

/** Whether a contribution id is taken anywhere. */
export async function contributionIdTaken(db: Db, id: string) {
  return db
    .selectFrom('area_round_contributions')
    .select(['id', 'round_id', 'contributor_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ContributionValues {
  part_id: string | null;
  stance: 'challenge' | 'resource';
  category: string;
  sign: string | null;
  label: string;
  description: string | null;
  how_to_reach: string | null;
}

export async function insertContribution(
  trx: Transaction<DB>,
  values: ContributionValues & {
    id: string;
    municipality_code: string;
    round_id: string;
    contributor_id: string;
  },
) {
  const now = new Date();
  await trx
    .insertInto('area_round_contributions')
    .values({ ...values, created_at: now, updated_at: now })
    .execute();
}

/** The contribution of this round locked for a change (undefined: not the round's). */
export async function lockContribution(
  trx: Transaction<DB>,
  municipalityCode: string,
  roundId: string,
  id: string,
) {
  return trx
    .selectFrom('area_round_contributions')
    .select(['id', 'contributor_id', 'version', 'category'])
    .where('municipality_code', '=', municipalityCode)
    .where('round_id', '=', roundId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateContributionAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
  values: ContributionValues,
): Promise<boolean> {
  const result = await trx
    .updateTable('area_round_contributions')
    .set({ ...values, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteContributionAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('area_round_contributions')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
