import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AccessItemLine } from './schema.ts';

/**
 * The access requests' SQL (tables access_requests and access_request_items, owned here), and the
 * reads of the citizen's records the draft file is assembled from. Every query matches the tenant
 * key (the caller's municipality).
 */

export async function personOfMunicipality(db: Kysely<DB>, mc: string, personId: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date'])
    .where('id', '=', personId)
    .where('municipality_code', '=', mc)
    .executeTakeFirst();
}

const summaryColumns = [
  'r.id',
  'r.kind',
  'r.status',
  'r.channel',
  'r.person_id',
  'p.given_name',
  'p.family_name',
  'p.birth_date',
  sql<string>`to_char(r.received_on, 'YYYY-MM-DD')`.as('received_on'),
  sql<string>`to_char(r.deadline_on, 'YYYY-MM-DD')`.as('deadline_on'),
  'r.version',
] as const;

function requestsOf(db: Kysely<DB>, mc: string) {
  return db
    .selectFrom('access_requests as r')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'r.person_id').onRef('p.municipality_code', '=', 'r.municipality_code'),
    )
    .where('r.municipality_code', '=', mc);
}

export type SummaryRow = Awaited<ReturnType<typeof listRequests>>[number];

/** The municipality's requests by deadline, then id (keyset), with the list's filters. */
export async function listRequests(
  db: Kysely<DB>,
  mc: string,
  filter: { status?: string; kind?: string; overdueOn?: string; notOverdueOn?: string },
  after: { k: string; id: string } | null,
  limit: number,
) {
  let q = requestsOf(db, mc).select(summaryColumns);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (filter.kind) q = q.where('r.kind', '=', filter.kind);
  if (filter.overdueOn) {
    q = q.where('r.status', '<>', 'released').where('r.deadline_on', '<', filter.overdueOn);
  }
  if (filter.notOverdueOn) {
    const today = filter.notOverdueOn;
    q = q.where((eb) => eb.or([eb('r.status', '=', 'released'), eb('r.deadline_on', '>=', today)]));
  }
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('r.deadline_on', '>', after.k),
        eb.and([eb('r.deadline_on', '=', after.k), eb('r.id', '>', after.id)]),
      ]),
    );
  }
  return q
    .orderBy('r.deadline_on')
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
}

/** One request with who registered, approved and released it; optionally locked for update. */
export async function requestById(db: Kysely<DB>, mc: string, id: string, lock = false) {
  let q = requestsOf(db, mc)
    .innerJoin('users as reg', 'reg.id', 'r.registered_by')
    .leftJoin('users as app', 'app.id', 'r.approved_by')
    .leftJoin('users as rel', 'rel.id', 'r.released_by')
    .select(summaryColumns)
    .select([
      'r.registered_by',
      'reg.display_name as registered_by_name',
      'r.registered_at',
      'r.approved_by',
      'app.display_name as approved_by_name',
      'r.approved_at',
      'r.released_by',
      'rel.display_name as released_by_name',
      'r.released_at',
      'r.disclosure_id',
    ])
    .where('r.id', '=', id);
  if (lock) q = q.forUpdate('r');
  return q.executeTakeFirst();
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof requestById>>>;

/** Whether a request with this id exists anywhere (an id is never reused across municipalities). */
export async function requestIdTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('access_requests')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return !!row;
}

export async function insertRequest(
  trx: Transaction<DB>,
  row: {
    id: string;
    municipalityCode: string;
    personId: string;
    kind: string;
    channel: string;
    receivedOn: string;
    deadlineOn: string;
    registeredBy: string;
  },
) {
  return trx
    .insertInto('access_requests')
    .values({
      id: row.id,
      municipality_code: row.municipalityCode,
      person_id: row.personId,
      kind: row.kind,
      channel: row.channel,
      received_on: row.receivedOn,
      deadline_on: row.deadlineOn,
      registered_by: row.registeredBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export interface NewItem {
  source: string;
  caseId: string | null;
  inquiryId: string | null;
  title: string;
  lines: AccessItemLine[];
}

export async function insertItems(
  trx: Transaction<DB>,
  mc: string,
  requestId: string,
  items: NewItem[],
): Promise<void> {
  if (items.length === 0) return;
  await trx
    .insertInto('access_request_items')
    .values(
      items.map((item, position) => ({
        request_id: requestId,
        municipality_code: mc,
        position,
        source: item.source,
        case_id: item.caseId,
        inquiry_id: item.inquiryId,
        title: item.title,
        lines: JSON.stringify(item.lines),
      })),
    )
    .execute();
}

export async function itemsOfRequest(db: Kysely<DB>, mc: string, requestId: string) {
  return db
    .selectFrom('access_request_items as i')
    .leftJoin('users as u', 'u.id', 'i.decided_by')
    .select([
      'i.id',
      'i.position',
      'i.source',
      'i.case_id',
      'i.inquiry_id',
      'i.title',
      'i.lines',
      'i.decision',
      'i.exemption',
      'i.reason',
      'i.redacted_lines',
      'i.decided_by',
      'u.display_name as decided_by_name',
      'i.decided_at',
      'i.version',
    ])
    .where('i.request_id', '=', requestId)
    .where('i.municipality_code', '=', mc)
    .orderBy('i.position')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOfRequest>>[number];

/** Records the reviewer's decision if the item is at `version`; undefined when it is not. */
export async function decideItem(
  trx: Transaction<DB>,
  mc: string,
  requestId: string,
  itemId: string,
  version: number,
  decision: {
    decision: string;
    exemption: string | null;
    reason: string | null;
    redactedLines: number[];
    decidedBy: string;
  },
) {
  return trx
    .updateTable('access_request_items')
    .set({
      decision: decision.decision,
      exemption: decision.exemption,
      reason: decision.reason,
      redacted_lines: decision.redactedLines,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', itemId)
    .where('request_id', '=', requestId)
    .where('municipality_code', '=', mc)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/** Moves the (locked) request on: approved or released, with who and when; bumps the version. */
export async function advanceRequest(
  trx: Transaction<DB>,
  mc: string,
  id: string,
  change:
    | { status: 'approved'; userId: string }
    | { status: 'released'; userId: string; disclosureId: string },
): Promise<void> {
  const now = new Date();
  await trx
    .updateTable('access_requests')
    .set(
      change.status === 'approved'
        ? { status: 'approved', approved_by: change.userId, approved_at: now }
        : {
            status: 'released',
            released_by: change.userId,
            released_at: now,
            disclosure_id: change.disclosureId,
          },
    )
    .set({ version: sql`version + 1` })
    .where('id', '=', id)
    .where('municipality_code', '=', mc)
    .execute();
}

/** Bumps the request's version (an item was decided: an approval seen before is stale). */
export async function touchRequest(trx: Transaction<DB>, mc: string, id: string): Promise<void> {
  await trx
    .updateTable('access_requests')
    .set({ version: sql`version + 1` })
    .where('id', '=', id)
    .where('municipality_code', '=', mc)
    .execute();
}

// ── Overdue requests, for the work list (tasks module) ───────────────────────────────────────

/**
 * The municipality's requests not yet released whose deadline is before `today`: all of them
 * (`registeredBy` null), or those one user registered.
 */
export async function overdueRequests(db: Kysely<DB>, mc: string, today: string) {
  return db
    .selectFrom('access_requests')
    .select(['id', sql<string>`to_char(deadline_on, 'YYYY-MM-DD')`.as('deadline_on')])
    .where('municipality_code', '=', mc)
    .where('status', '<>', 'released')
    .where(sql<SqlBool>`deadline_on < ${today}::date`)
    .orderBy('deadline_on')
    .orderBy('id')
    .execute();
}
