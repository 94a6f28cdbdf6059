import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  InterventionAgeGroup,
  InterventionLevel,
} from '../../platform/db/catalogue-schema.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`): a catalogue is one municipality's. Inserts and reads
 * here name it; an update matches the type by id only, after the service has found the type
 * in the caller's municipality (`findType`) in the same transaction.
 */

/** The catalogue's writes of intervention_types (and the reads and lock the standard load needs). */

/** The columns of a new type. */
export interface NewType {
  municipality_code: string;
  code: string;
  name: string;
  description: string | null;
  level: InterventionLevel;
  age_group: InterventionAgeGroup;
  legal_basis: string | null;
  consent_required: boolean;
  responsible_unit_id: string | null;
  tailored: boolean;
  reveals_concern: boolean;
}

/** A new type; its id, or undefined when the municipality has a type of that code. */
export async function insertType(
  trx: Transaction<DB>,
  values: NewType,
): Promise<{ id: string } | undefined> {
  return (await insertTypes(trx, [values]))[0];
}

/** Adds the types whose code the municipality has not got yet; the ids of those added. */
export async function insertTypes(
  trx: Kysely<DB>,
  values: readonly NewType[],
): Promise<{ id: string }[]> {
  return trx
    .insertInto('intervention_types')
    .values(values)
    .onConflict((oc) => oc.columns(['municipality_code', 'code']).doNothing())
    .returning('id')
    .execute();
}

/**
 * Stores the changed columns of a type if it is still at `version`; the new version, or undefined
 * when someone else changed the type first.
 */
export async function updateTypeRow(
  trx: Transaction<DB>,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<{ version: number } | undefined> {
  return trx
    .updateTable('intervention_types')
    .set({ ...changes, updated_at: sql`now()`, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/**
 * Locks the municipality's row until the transaction ends, so two loads of its catalogue run one
 * after the other (`no key update` does not block rows that merely reference it).
 */
export async function lockMunicipalityCatalogue(
  trx: Transaction<DB>,
  municipalityCode: string,
): Promise<void> {
  await sql`select code from municipalities where code = ${municipalityCode} for no key update`.execute(
    trx,
  );
}

/** Whether the municipality's catalogue has any type. */
export async function catalogueHasTypes(
  trx: Kysely<DB>,
  municipalityCode: string,
): Promise<boolean> {
  const existing = await trx
    .selectFrom('intervention_types')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .limit(1)
    .executeTakeFirst();
  return existing !== undefined;
}

/** The municipality's units with their kind, by name. */
export async function unitsByName(trx: Kysely<DB>, municipalityCode: string) {
  return trx
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
