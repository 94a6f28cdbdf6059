import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The anonymous tombstones deleted records leave (db/migrations/0039). */
type Db = Kysely<DB>;

export async function insertTombstone(
  db: Db,
  row: {
    municipalityCode: string;
    recordKind: 'case' | 'inquiry';
    retentionKind: string;
    receivedOn: string | null;
    openedOn: string | null;
    closedOn: string | null;
    extremismForm: string | null;
    ageGroup: string | null;
    outcome: string | null;
    exportId: string;
    deletedOn: string;
  },
): Promise<void> {
  await db
    .insertInto('retention_tombstones')
    .values({
      municipality_code: row.municipalityCode,
      record_kind: row.recordKind,
      retention_kind: row.retentionKind,
      received_on: row.receivedOn,
      opened_on: row.openedOn,
      closed_on: row.closedOn,
      extremism_form: row.extremismForm,
      age_group: row.ageGroup,
      outcome: row.outcome,
      export_id: row.exportId,
      deleted_on: row.deletedOn,
    })
    .execute();
}

/** Tombstones per kind, for statistics and the page (counts only). */
export async function countTombstones(db: Db, municipalityCode: string) {
  return db
    .selectFrom('retention_tombstones')
    .select(['record_kind', 'retention_kind', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', municipalityCode)
    .groupBy(['record_kind', 'retention_kind'])
    .execute();
}
