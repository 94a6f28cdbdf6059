import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`): a unit belongs to one municipality. Inserts and the
 * name check name it; a rename matches the unit by id only, after the service has found the
 * unit inside the caller's scope (`findUnit`) in the same transaction.
 */

/** The administration's writes of units (and the name check they need). */

/** A new unit; its id, or undefined when the municipality has a unit of that name. */
export async function insertUnit(
  trx: Transaction<DB>,
  values: { municipality_code: string; kind: string; name: string },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('units')
    .values(values)
    .onConflict((oc) => oc.columns(['municipality_code', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Gives the municipality each of the units it has not got by name. */
export async function insertMissingUnits(
  db: Kysely<DB>,
  municipalityCode: string,
  units: readonly { kind: string; name: string }[],
): Promise<void> {
  await db
    .insertInto('units')
    .values(units.map((u) => ({ ...u, municipality_code: municipalityCode })))
    .onConflict((oc) => oc.columns(['municipality_code', 'name']).doNothing())
    .execute();
}

/** Whether another unit of the municipality (not `exceptId`) has the name. */
export async function unitNameTaken(
  trx: Transaction<DB>,
  municipalityCode: string,
  name: string,
  exceptId: string,
): Promise<boolean> {
  const taken = await trx
    .selectFrom('units')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('name', '=', name)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return taken !== undefined;
}

/** Renames the unit if it is still at `version`; undefined when someone else changed it first. */
export async function renameUnitRow(
  trx: Transaction<DB>,
  id: string,
  version: number,
  name: string,
): Promise<{ id: string } | undefined> {
  return trx
    .updateTable('units')
    .set({ name, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/**
 * Whether the unit is one of the municipality's: every module that links a unit from a request
 * (a referral, a transfer, a case's unit, a provider) checks it here before using the id.
 */
export async function unitInMunicipality(
  db: Kysely<DB>,
  unitId: string,
  municipalityCode: string,
): Promise<boolean> {
  return (await unitsOutside(db, municipalityCode, [unitId])).length === 0;
}

/** The ids among `unitIds` that are not units of the municipality. */
export async function unitsOutside(
  db: Kysely<DB>,
  municipalityCode: string | null,
  unitIds: string[],
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  if (municipalityCode === null) return unitIds;
  const found = await db
    .selectFrom('units')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', unitIds)
    .execute();
  const inside = new Set(found.map((r) => r.id));
  return unitIds.filter((id) => !inside.has(id));
}
