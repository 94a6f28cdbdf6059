import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of naming an intervention's catalogue entry in the chronology (intervention-names.ts
 * holds the rule): the name as a query reads it, and the municipality's entries that reveal
 * the concern. The catalogue is the municipality's: read by its `municipality_code`.
 */

/**
 * The name of an intervention's catalogue entry as the query reads it (the query joins the entry
 * as `it`): for a reader without the compartment, that of an entry that reveals the concern is
 * never read (null).
 */
export function entryName(compartment: boolean) {
  return sql<
    string | null
  >`case when it.reveals_concern and not ${sql.lit(compartment)} then null else it.name end`;
}

/** The names of the municipality's catalogue entries that reveal the concern. */
export async function concernEntryNames(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<{ name: string }[]> {
  return db
    .selectFrom('intervention_types')
    .select('name')
    .where('municipality_code', '=', municipalityCode)
    .where('reveals_concern', '=', true)
    .execute();
}
