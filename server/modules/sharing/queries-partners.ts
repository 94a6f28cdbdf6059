import { sql, type Kysely, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/text-search.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PartnerListFilter } from './schema-partners.ts';

/**
 * The partner organisations of a municipality (db/migrations/0034). Every statement names the
 * tenant key: a row of another municipality is never found, changed or counted.
 */
type Db = Kysely<DB>;

export interface PartnerRowValues {
  name: string;
  kind: string;
  cvr: string | null;
  ean: string | null;
  contact_email: string | null;
  data_processor: boolean;
  processor_agreement_ref: string | null;
  processor_agreement_date: string | null;
}

const COLUMNS = [
  'id',
  'name',
  'kind',
  'cvr',
  'ean',
  'contact_email',
  'data_processor',
  'processor_agreement_ref',
  'processor_agreement_date',
  'active',
  'version',
] as const;

export async function listPartnerRows(db: Db, municipalityCode: string, filter: PartnerListFilter) {
  let query = db
    .selectFrom('partner_organisations')
    .select(COLUMNS)
    .where('municipality_code', '=', municipalityCode)
    .orderBy(sql`lower(name)`)
    .limit(500);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status !== 'all') query = query.where('active', '=', filter.status === 'active');
  if (filter.q) query = query.where('name', 'ilike', `%${escapeLike(filter.q)}%`);
  return query.execute();
}

export async function findPartnerRow(db: Db, municipalityCode: string, id: string) {
  return db
    .selectFrom('partner_organisations')
    .select(COLUMNS)
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether another organisation of the municipality (not `exceptId`) has the name. */
export async function partnerNameTaken(
  db: Db,
  municipalityCode: string,
  name: string,
  exceptId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('partner_organisations')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new organisation; false when the id exists already (a repeated create, or a clash). */
export async function insertPartnerRow(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  values: PartnerRowValues,
): Promise<boolean> {
  const row = await trx
    .insertInto('partner_organisations')
    .values({ id, municipality_code: municipalityCode, ...values })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes the organisation if it is still at `version`; false when it is not (stale). */
export async function updatePartnerRow(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
  values: Partial<PartnerRowValues> & { active?: boolean },
): Promise<boolean> {
  const row = await trx
    .updateTable('partner_organisations')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
