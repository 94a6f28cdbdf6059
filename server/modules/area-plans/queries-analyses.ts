import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** SQL of the area analysis (0055): its versions, always by municipality and area. */

export interface AnalysisRow {
  id: string;
  number: number;
  based_on_id: string | null;
  content: unknown;
  updated_by: string;
  updated_by_name: string;
  updated_at: Date;
  version: number;
}

const analysisColumns = (db: Kysely<DB>) =>
  db
    .selectFrom('area_analyses as a')
    .innerJoin('users as u', 'u.id', 'a.updated_by')
    .select([
      'a.id',
      'a.number',
      'a.based_on_id',
      'a.content',
      'a.updated_by',
      'u.display_name as updated_by_name',
      'a.updated_at',
      'a.version',
    ]);

/** Every version of the area's analysis, newest first. */
export async function analysesOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<AnalysisRow[]> {
  return analysisColumns(db)
    .where('a.municipality_code', '=', municipalityCode)
    .where('a.area_id', '=', areaId)
    .orderBy('a.number', 'desc')
    .execute();
}

export async function analysisById(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
  id: string,
): Promise<AnalysisRow | undefined> {
  return analysisColumns(db)
    .where('a.municipality_code', '=', municipalityCode)
    .where('a.area_id', '=', areaId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** An id used by any analysis anywhere (a client id may not name another area's version). */
export async function analysisIdTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('area_analyses')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Serialises new versions of one area's analysis (the area row, locked). */
export async function lockAreaRow(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<void> {
  await trx
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', areaId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertAnalysis(
  trx: Transaction<DB>,
  values: {
    id: string;
    municipality_code: string;
    area_id: string;
    number: number;
    based_on_id: string | null;
    content: string;
    created_by: string;
  },
): Promise<void> {
  await trx
    .insertInto('area_analyses')
    .values({ ...values, updated_by: values.created_by })
    .execute();
}

/** Saves the content at the version sent; false when the version was stale. */
export async function updateAnalysisAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
  content: string,
  userId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('area_analyses')
    .set((eb) => ({
      content,
      updated_by: userId,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The users of the area's team forum (those a goal may name responsible). */
export async function teamUsers(
  db: Kysely<DB>,
  teamForumId: string | null,
): Promise<{ id: string; name: string }[]> {
  if (teamForumId === null) return [];
  return db
    .selectFrom('forum_members as fm')
    .innerJoin('users as u', 'u.id', 'fm.user_id')
    .select(['u.id', 'u.display_name as name'])
    .where('fm.forum_id', '=', teamForumId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** Display names of users, for the people a plan names. */
export async function userNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
