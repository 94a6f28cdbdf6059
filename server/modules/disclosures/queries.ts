import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The disclosure register's SQL. Every read matches the tenant key (`municipality_code`) next to
 * the case's or person's id; inserts leave it to the trigger (db/migrations/0035).
 */

export interface NewDisclosure {
  id: string;
  caseId: string | null;
  /** Given when the entry has no case (the trigger fills it from the case otherwise). */
  municipalityCode?: string;
  disclosedOn: string;
  recipientOrganisation: string;
  recipientKind: string;
  recipientPerson: string | null;
  categories: string[];
  documents: string | null;
  legalBasis: string;
  purpose: string;
  decidedBy: string;
  channel: string;
  productSource: string | null;
  recordedBy: string;
  personIds: string[];
}

/** Inserts the entry and its persons; false when an entry with that id exists already. */
export async function insertDisclosure(trx: Transaction<DB>, entry: NewDisclosure) {
  const inserted = await trx
    .insertInto('disclosures')
    .values({
      id: entry.id,
      case_id: entry.caseId,
      ...(entry.municipalityCode !== undefined && { municipality_code: entry.municipalityCode }),
      disclosed_on: entry.disclosedOn,
      recipient_organisation: entry.recipientOrganisation,
      recipient_kind: entry.recipientKind,
      recipient_person: entry.recipientPerson,
      categories: entry.categories,
      documents: entry.documents,
      legal_basis: entry.legalBasis,
      purpose: entry.purpose,
      decided_by: entry.decidedBy,
      channel: entry.channel,
      recorded_by_hand: entry.channel !== 'product',
      product_source: entry.productSource,
      recorded_by: entry.recordedBy,
      recorded_at: new Date(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (entry.personIds.length > 0) {
    await trx
      .insertInto('disclosure_persons')
      .values(entry.personIds.map((personId) => ({ disclosure_id: entry.id, person_id: personId })))
      .execute();
  }
  return true;
}

/** Where an entry with this id is (its case and municipality); undefined when there is none. */
export async function disclosureHome(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('disclosures')
    .select(['case_id', 'municipality_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function disclosuresQuery(db: Kysely<DB>, municipalityCode: string) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.recorded_by')
    .leftJoin('cases as c', (j) =>
      j.onRef('c.id', '=', 'd.case_id').onRef('c.municipality_code', '=', 'd.municipality_code'),
    )
    .select([
      'd.id',
      'd.case_id',
      'c.reference',
      'd.disclosed_on',
      'd.recipient_organisation',
      'd.recipient_kind',
      'd.recipient_person',
      'd.categories',
      'd.documents',
      'd.legal_basis',
      'd.purpose',
      'd.decided_by',
      'd.channel',
      'd.recorded_by_hand',
      'd.product_source',
      'd.recorded_by',
      'u.display_name',
      'd.recorded_at',
    ])
    .where('d.municipality_code', '=', municipalityCode);
}
export type DisclosureRow = Awaited<
  ReturnType<ReturnType<typeof disclosuresQuery>['execute']>
>[number];

/** The keyset position after a page's last row: its day and id. */
export interface DayCursor {
  k: string;
  id: string;
}

/** A keyset page of the case's entries, newest day first (one more than `limit`). */
export async function caseDisclosuresPage(
  db: Kysely<DB>,
  theCase: CaseKey,
  after: DayCursor | null,
  limit: number,
): Promise<DisclosureRow[]> {
  return disclosuresQuery(db, theCase.municipalityCode)
    .where('d.case_id', '=', theCase.caseId)
    .$if(after !== null, (q) => q.where(afterCursor(after)))
    .orderBy('d.disclosed_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** The register's filters: all optional, combined with "and". */
export interface RegisterFilter {
  /** One entry by its id. */
  id?: string;
  personIds?: string[];
  recipient?: string;
  legalBasis?: string;
  from?: string;
  to?: string;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A keyset page of the municipality's register, newest day first (one more than `limit`). */
export async function registerPage(
  db: Kysely<DB>,
  municipalityCode: string,
  filter: RegisterFilter,
  after: DayCursor | null,
  limit: number,
): Promise<DisclosureRow[]> {
  const { id, personIds, recipient, legalBasis, from, to } = filter;
  return disclosuresQuery(db, municipalityCode)
    .$if(id !== undefined, (q) => q.where('d.id', '=', id ?? ''))
    .$if(personIds?.length === 0, (q) => q.where(sql<SqlBool>`false`))
    .$if(personIds !== undefined && personIds.length > 0, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('disclosure_persons as dp')
            .select('dp.disclosure_id')
            .whereRef('dp.disclosure_id', '=', 'd.id')
            .where('dp.municipality_code', '=', municipalityCode)
            .where('dp.person_id', 'in', personIds ?? []),
        ),
      ),
    )
    .$if(recipient !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('d.recipient_organisation', 'ilike', likePattern(recipient ?? '')),
          eb('d.recipient_person', 'ilike', likePattern(recipient ?? '')),
        ]),
      ),
    )
    .$if(legalBasis !== undefined, (q) =>
      q.where('d.legal_basis', 'ilike', likePattern(legalBasis ?? '')),
    )
    .$if(from !== undefined, (q) => q.where('d.disclosed_on', '>=', from ?? ''))
    .$if(to !== undefined, (q) => q.where('d.disclosed_on', '<=', to ?? ''))
    .$if(after !== null, (q) => q.where(afterCursor(after)))
    .orderBy('d.disclosed_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Every entry about one person, newest day first (for the citizen's access report). */
export async function personDisclosures(
  db: Kysely<DB>,
  person: { id: string; municipalityCode: string },
  limit: number,
): Promise<DisclosureRow[]> {
  return registerPage(db, person.municipalityCode, { personIds: [person.id] }, null, limit);
}

/** Rows after the cursor's day and id, in the lists' order (a row comparison the index serves). */
function afterCursor(after: DayCursor | null) {
  return sql<SqlBool>`(d.disclosed_on, d.id) < (${after?.k ?? ''}::date, ${after?.id ?? ''}::uuid)`;
}

/** The persons of the given entries, by name, in one round trip. */
export async function personsOfDisclosures(
  db: Kysely<DB>,
  municipalityCode: string,
  disclosureIds: string[],
) {
  if (disclosureIds.length === 0) return [];
  return db
    .selectFrom('disclosure_persons as dp')
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'dp.person_id')
        .onRef('p.municipality_code', '=', 'dp.municipality_code'),
    )
    .select(['dp.disclosure_id', 'p.id', 'p.given_name', 'p.family_name'])
    .where('dp.municipality_code', '=', municipalityCode)
    .where('dp.disclosure_id', 'in', disclosureIds)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

/** A person of the municipality (not merged away); undefined otherwise. */
export async function personInMunicipality(
  db: Kysely<DB>,
  municipalityCode: string,
  personId: string,
) {
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date'])
    .where('id', '=', personId)
    .where('municipality_code', '=', municipalityCode)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

/** The case's id when it is a case of the municipality (the data-protection role's check). */
export async function caseOfMunicipality(db: Kysely<DB>, municipalityCode: string, caseId: string) {
  return db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}
