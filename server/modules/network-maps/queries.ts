import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NetworkMapVersionsTable } from '../../platform/db/network-map-schema.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The network map module's SQL: every read and write of network_map_versions goes through here.
 * Every statement matches the case's tenant key next to its id (`CaseKey`); inserts leave the
 * key out and the trigger `tenant_key_from_parents` fills it from the case.
 */

/** The case's map versions with the names of their author and finaliser. */
export function selectMaps(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('network_map_versions as m')
    .innerJoin('users as cu', 'cu.id', 'm.created_by')
    .leftJoin('users as fu', 'fu.id', 'm.finalised_by')
    .selectAll('m')
    .select(['cu.display_name as created_by_name', 'fu.display_name as finalised_by_name'])
    .where('m.case_id', '=', theCase.caseId)
    .where('m.municipality_code', '=', theCase.municipalityCode);
}

export type NetworkMapRow = Awaited<
  ReturnType<ReturnType<typeof selectMaps>['executeTakeFirstOrThrow']>
>;

/** A version of the case's map, by id (undefined when the case has none such). */
export async function mapById(db: Kysely<DB>, theCase: CaseKey, id: string) {
  return selectMaps(db, theCase).where('m.id', '=', id).executeTakeFirst();
}

/** A version of any case with this id (a client's id reused on another case is refused). */
export async function mapIdTaken(trx: Transaction<DB>, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom('network_map_versions')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The row of one version of the case's map, locked for the transaction. */
export async function lockMapRow(trx: Transaction<DB>, theCase: CaseKey, id: string) {
  return trx
    .selectFrom('network_map_versions')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** The case's draft, if any. */
export async function draftOf(trx: Transaction<DB>, theCase: CaseKey) {
  return selectMaps(trx, theCase).where('m.status', '=', 'draft').executeTakeFirst();
}

/** The case's latest version (the one a new version copies), if any. */
export async function latestMap(trx: Transaction<DB>, theCase: CaseKey) {
  return selectMaps(trx, theCase).orderBy('m.number', 'desc').executeTakeFirst();
}

/** The number the case's next version takes. */
export async function nextNumber(trx: Transaction<DB>, theCase: CaseKey): Promise<number> {
  const max = await trx
    .selectFrom('network_map_versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
  return Number(max?.max ?? 0) + 1;
}

export async function insertMap(
  trx: Transaction<DB>,
  values: {
    id: string;
    case_id: string;
    number: number;
    based_on_id: string | null;
    drawn_on: string;
    occasion: string | null;
    relations: string;
    created_by: string;
    created_at: Date;
    updated_at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('network_map_versions')
    .values({ ...values, status: 'draft' })
    .execute();
}

/** Changes a version when its version is still `version`; false when it moved on. */
export async function updateMapAtVersion(
  trx: Transaction<DB>,
  theCase: CaseKey,
  id: string,
  version: number,
  set: Updateable<NetworkMapVersionsTable>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('network_map_versions')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** The persons of the case (those a relation may be linked to), with their names. */
export async function casePersonNames(
  db: Kysely<DB>,
  theCase: CaseKey,
): Promise<Map<string, string>> {
  const rows = await casePersonsOf(db, theCase)
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`.trim()]));
}

/**
 * The latest finalised version's relations of each of the given cases of a municipality (for the
 * citizen's access request; server/modules/access-requests).
 */
export async function latestFinalMaps(db: Kysely<DB>, municipalityCode: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('network_map_versions')
    .select(['id', 'case_id', 'number', 'drawn_on', 'occasion', 'relations', 'finalised_at'])
    .where('municipality_code', '=', municipalityCode)
    .where('case_id', 'in', caseIds)
    .where('status', '=', 'final')
    .orderBy('case_id')
    .orderBy('number', 'desc')
    .execute();
}

/**
 * A person merged into another (persons/merge.ts): relations linked to `fromPersonId` on the
 * municipality's maps, finalised ones included, are linked to `toPersonId` instead (only the
 * link moves; the map's content is unchanged). Each changed version's `version` moves on in the
 * same statement (an open editor of a draft gets 409 and reloads), and the ids of the changed
 * versions are returned for the merge's audit entries.
 */
export async function moveNetworkMapPersonLinks(
  trx: Transaction<DB>,
  municipalityCode: string,
  fromPersonId: string,
  toPersonId: string,
): Promise<string[]> {
  const result = await sql<{ id: string }>`
    update network_map_versions
    set version = version + 1, updated_at = now(), relations = (
      select coalesce(jsonb_agg(
        case when e ->> 'personId' = ${fromPersonId}
          then jsonb_set(e, '{personId}', to_jsonb(${toPersonId}::text))
          else e end
        order by ordinality), '[]'::jsonb)
      from jsonb_array_elements(relations) with ordinality as r(e, ordinality)
    )
    where municipality_code = ${municipalityCode}
      and relations @> ${JSON.stringify([{ personId: fromPersonId }])}::jsonb
    returning id
  `.execute(trx);
  return result.rows.map((r) => r.id);
}
