import { sql, type Kysely } from 'kysely';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of a meeting's agenda items (owned by the meetings module): the items with the facts
 * of the records they name, and the writes of the agenda. Every query names the municipality
 * (the tenant key) next to the meeting's id.
 */

export interface AgendaItemRow {
  id: string;
  position: number;
  kind: string;
  source: string;
  title: string | null;
  description: string | null;
  due_on: string | null;
  version: number;
  case_id: string | null;
  inquiry_id: string | null;
  /** The record's municipality, reference and status (case or inquiry). */
  record_municipality_code: string | null;
  reference: string | null;
  record_status: string | null;
  concern_level: string | null;
  extremism_form: string | null;
  /** The case's latest action plan's status. */
  plan_status: string | null;
  /** The citizen the record is about (for the audit trail). */
  subject_person_id: string | null;
}

/** The meeting's items in agenda order, with the facts of their records (one statement). */
export async function agendaItems(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<AgendaItemRow[]> {
  const rows = await db
    .selectFrom('meeting_agenda_items as i')
    .leftJoin('cases as c', (join) =>
      join.onRef('c.id', '=', 'i.case_id').onRef('c.municipality_code', '=', 'i.municipality_code'),
    )
    .leftJoin('inquiries as q', (join) =>
      join
        .onRef('q.id', '=', 'i.inquiry_id')
        .onRef('q.municipality_code', '=', 'i.municipality_code'),
    )
    .select((eb) => [
      'i.id',
      'i.position',
      'i.kind',
      'i.source',
      'i.title',
      'i.description',
      sql<string | null>`to_char(i.due_on, 'YYYY-MM-DD')`.as('due_on'),
      'i.version',
      'i.case_id',
      'i.inquiry_id',
      eb.fn.coalesce('c.municipality_code', 'q.municipality_code').as('record_municipality_code'),
      eb.fn.coalesce('c.reference', 'q.reference').as('reference'),
      eb.fn.coalesce('c.status', 'q.status').as('record_status'),
      'c.concern_level',
      'c.extremism_form',
      eb
        .selectFrom('case_plans as p')
        .select('p.status')
        .whereRef('p.case_id', '=', 'c.id')
        .whereRef('p.municipality_code', '=', 'c.municipality_code')
        .orderBy('p.number', 'desc')
        .limit(1)
        .as('plan_status'),
      eb.fn
        .coalesce(
          eb
            .selectFrom('case_persons as cp')
            .select('cp.person_id')
            .whereRef('cp.case_id', '=', 'c.id')
            .whereRef('cp.municipality_code', '=', 'c.municipality_code')
            .where('cp.role', '=', 'citizen')
            .limit(1),
          eb
            .selectFrom('inquiry_persons as ip')
            .select('ip.person_id')
            .whereRef('ip.inquiry_id', '=', 'q.id')
            .whereRef('ip.municipality_code', '=', 'q.municipality_code')
            .orderBy('ip.position')
            .limit(1),
        )
        .as('subject_person_id'),
    ])
    .where('i.municipality_code', '=', municipalityCode)
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .orderBy('i.created_at')
    .execute();
  return rows as AgendaItemRow[];
}

/**
 * Where an item id chosen by a client stands: `mine` when it is an item of this meeting, `taken`
 * when any other item (of any meeting, any municipality) has it, undefined when unused. Unscoped
 * by design — ids are primary keys across municipalities — and it answers nothing but that.
 */
export async function unsafeItemIdStanding(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  itemId: string,
): Promise<'mine' | 'taken' | undefined> {
  const row = await db
    .selectFrom('meeting_agenda_items')
    .select(['meeting_id', 'municipality_code'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.meeting_id === meetingId && row.municipality_code === municipalityCode
    ? 'mine'
    : 'taken';
}

/**
 * Moves the meeting's version on from `version` (the optimistic lock of its agenda); false when
 * the meeting is at another version. The row stays locked until the transaction ends, so two
 * changes of one agenda never interleave.
 */
export async function bumpMeetingVersion(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  version: number,
): Promise<boolean> {
  const row = await db
    .updateTable('meetings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row !== undefined;
}

/** The meeting's version now (for the 409 of a stale change). */
export async function meetingVersion(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('meetings')
    .select('version')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The ids of the meeting's items in agenda order. */
export async function itemOrder(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_agenda_items')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** The same record is on the agenda already with this kind (or the numbers item, once). */
export async function sameItemOnAgenda(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  kind: string,
  caseId: string | null,
  inquiryId: string | null,
): Promise<boolean> {
  if (kind === 'topic' || (kind === 'case' && caseId === null)) return false;
  const row = await db
    .selectFrom('meeting_agenda_items')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .where((eb) =>
      caseId !== null
        ? eb('case_id', '=', caseId)
        : inquiryId !== null
          ? eb('inquiry_id', '=', inquiryId)
          : eb.val(true),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewAgendaItem {
  id: string;
  municipality_code: string;
  meeting_id: string;
  position: number;
  kind: string;
  case_id: string | null;
  inquiry_id: string | null;
  title: string | null;
  description: string | null;
  due_on: string | null;
  source: string;
  created_by: string;
}

/** Adds items (a template's topics in one statement). */
export async function insertItems(db: Kysely<DB>, items: NewAgendaItem[]): Promise<void> {
  if (items.length === 0) return;
  await db.insertInto('meeting_agenda_items').values(items).execute();
}

/** The titles of the meeting's template topics (a template applied twice adds nothing twice). */
export async function templateTitles(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_agenda_items')
    .select('title')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('source', '=', 'template')
    .execute();
  return rows.flatMap((r) => (r.title === null ? [] : [r.title]));
}

/** Removes one item of the meeting; false when it is not there. */
export async function deleteItem(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  itemId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('meeting_agenda_items')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Numbers the items 1, 2, 3… in the given order (one statement). */
export async function renumber(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  orderedIds: readonly string[],
): Promise<void> {
  if (orderedIds.length === 0) return;
  const cases = sql.join(
    orderedIds.map((id, i) => sql`when ${id}::uuid then ${i + 1}::int`),
    sql` `,
  );
  await db
    .updateTable('meeting_agenda_items')
    .set({ position: sql<number>`case id ${cases} else position end` })
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** The inquiries among `ids` the caller may see (need-to-know's own condition), in one statement. */
export async function visibleInquiryIds(
  db: Kysely<DB>,
  user: CurrentUser,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('inquiries')
    .select('inquiries.id')
    .where('inquiries.id', 'in', [...new Set(ids)])
    .where(visibleInquiry(user))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The inquiry is of the municipality (a record of another municipality is never an item). */
export async function inquiryIn(
  db: Kysely<DB>,
  municipalityCode: string,
  inquiryId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('inquiries')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', inquiryId)
    .executeTakeFirst();
  return row !== undefined;
}
