import { sql, type Kysely, type UpdateObject } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { InquiryKey } from './queries-detail.ts';
import type { InquiryEventSchema } from './schema-detail.ts';

/**
 * The inquiries module's repository for an inquiry's own row and its small parts: references,
 * the version (optimistic locking), the chronology, the signs, contributions and the columns an
 * edit or a triage changes. The inbox, the full read and the intake and decision writes have
 * their own files (queries-inbox.ts, queries-detail.ts, queries-intake.ts, queries-decision.ts).
 * A read or change of an inquiry's rows matches the inquiry's id and its municipality (the tenant
 * key, `InquiryKey`; an `InquiryAccess` is one), so a row of another municipality is never read
 * or changed through an inquiry id alone. Inserts leave the key out: the tenant trigger fills it
 * from the inquiry (db/migrations/0015).
 */
type Db = Kysely<DB>;
type InquiryEvent = z.infer<typeof InquiryEventSchema>;

/** The next reference of a kind in a municipality and year: H-2026-0001, S-2026-0001 … */
export async function nextReference(
  trx: Db,
  municipalityCode: string,
  kind: 'H' | 'S',
  year: number,
): Promise<string> {
  const row = await trx
    .insertInto('reference_counters')
    .values({ municipality_code: municipalityCode, kind, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['municipality_code', 'kind', 'year'])
        .doUpdateSet({ last_number: sql<number>`reference_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${kind}-${year}-${String(row.last_number).padStart(4, '0')}`;
}

/** The select of the inquiry's row, by its id and its tenant key; the caller picks the columns. */
export function selectInquiry(db: Db, key: InquiryKey) {
  return db
    .selectFrom('inquiries')
    .where('inquiries.id', '=', key.inquiryId)
    .where('inquiries.municipality_code', '=', key.municipalityCode);
}

/** The update of the inquiry's row, by its id and its tenant key; the caller sets the columns. */
function updateInquiry(db: Db, key: InquiryKey) {
  return db
    .updateTable('inquiries')
    .where('id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode);
}

/**
 * The select of the inquiry's persons (`inquiry_persons as ip`), by the inquiry's id and its
 * tenant key; the caller picks the columns, the order and any join.
 */
export function selectInquiryPersons(db: Db, key: InquiryKey) {
  return db
    .selectFrom('inquiry_persons as ip')
    .where('ip.inquiry_id', '=', key.inquiryId)
    .where('ip.municipality_code', '=', key.municipalityCode);
}

const NEXT_VERSION = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };

/** Bumps the version if it is still `version`; false when someone else saved meanwhile. */
export async function bumpVersionIf(db: Db, key: InquiryKey, version: number): Promise<boolean> {
  const updated = await updateInquiry(db, key)
    .set(NEXT_VERSION)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Bumps the version whatever it is (an addition that cannot conflict, like a contribution). */
export async function bumpVersion(db: Db, key: InquiryKey): Promise<void> {
  await updateInquiryRow(db, key, NEXT_VERSION);
}

export async function currentVersion(db: Db, key: InquiryKey): Promise<number | null> {
  const row = await selectInquiry(db, key).select('version').executeTakeFirst();
  return row?.version ?? null;
}

/** Appends to the inquiry's chronology (who, when, what changed). */
export async function insertHistory(
  db: Db,
  inquiryId: string,
  actorUserId: string,
  kind: string,
  changes: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('inquiry_events')
    .values({
      inquiry_id: inquiryId,
      actor_user_id: actorUserId,
      kind,
      changes: JSON.stringify(changes),
    })
    .execute();
}

export async function loadHistory(db: Db, key: InquiryKey): Promise<InquiryEvent[]> {
  const rows = await db
    .selectFrom('inquiry_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.occurred_at', 'e.kind', 'e.changes', 'u.display_name'])
    .where('e.inquiry_id', '=', key.inquiryId)
    .where('e.municipality_code', '=', key.municipalityCode)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actorName: r.display_name,
    kind: r.kind,
    changes: r.changes,
  }));
}

/** The ids of the inquiry's persons, the main person first. */
export async function inquiryPersonIds(db: Db, key: InquiryKey): Promise<string[]> {
  const rows = await selectInquiryPersons(db, key)
    .select('ip.person_id')
    .orderBy('ip.position')
    .execute();
  return rows.map((r) => r.person_id);
}

/** The inquiry's row as stored (for an edit: the values before). */
export async function findInquiryForChange(db: Db, key: InquiryKey) {
  return selectInquiry(db, key).selectAll().executeTakeFirstOrThrow();
}
export type InquiryRowForChange = Awaited<ReturnType<typeof findInquiryForChange>>;

/** Whether a forum of the municipality has this id. */
export async function forumInMunicipality(
  db: Db,
  forumId: string,
  municipalityCode: string,
): Promise<boolean> {
  const forum = await db
    .selectFrom('forums')
    .select('id')
    .where('id', '=', forumId)
    .where('municipality_code', '=', municipalityCode)
    // An archived forum takes no new inquiries (forums/service.ts archives instead of deleting).
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return forum !== undefined;
}

export type InquiryUpdate = UpdateObject<DB, 'inquiries'>;

/** Sets columns of the inquiry. */
export async function updateInquiryRow(db: Db, key: InquiryKey, set: InquiryUpdate) {
  await updateInquiry(db, key).set(set).execute();
}

/** The inquiry's signs in code order (the full read shows them, an edit compares with them). */
export async function findSigns(db: Db, key: InquiryKey) {
  return db
    .selectFrom('inquiry_signs')
    .select(['sign_code as code', 'note'])
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode)
    .orderBy('sign_code')
    .execute();
}

/** Adds signs to the inquiry. */
export async function insertSigns(
  db: Db,
  inquiryId: string,
  signs: { code: string; note: string | null }[],
): Promise<void> {
  if (signs.length === 0) return;
  await db
    .insertInto('inquiry_signs')
    .values(signs.map((s) => ({ inquiry_id: inquiryId, sign_code: s.code, note: s.note })))
    .execute();
}

/** Replaces the inquiry's signs. */
export async function replaceSigns(
  db: Db,
  key: InquiryKey,
  signs: { code: string; note: string | null }[],
): Promise<void> {
  await db
    .deleteFrom('inquiry_signs')
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode)
    .execute();
  await insertSigns(db, key.inquiryId, signs);
}

export async function insertContribution(
  db: Db,
  values: {
    inquiryId: string;
    authorUserId: string;
    unitId: string | null;
    legalBasis: string;
    body: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('inquiry_contributions')
    .values({
      inquiry_id: values.inquiryId,
      author_user_id: values.authorUserId,
      unit_id: values.unitId,
      legal_basis: values.legalBasis,
      body: values.body,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Sends an inquiry decided otherwise back to work: triaged if it has a seriousness, received if
 * not (a rejected decision, a reopening).
 */
export async function backToWork(db: Db, key: InquiryKey): Promise<void> {
  await updateInquiryRow(db, key, {
    status: sql<string>`case when seriousness is null then 'received' else 'triaged' end`,
  });
}

/**
 * The deadline job's marks (server/jobs/deadlines.ts): the reminder and the overdue warning went
 * out for these inquiries, in the job's transaction. Changing the deadline resets them.
 */
export async function markDeadlineWarnings(
  db: Db,
  warned: { reminderIds: string[]; overdueIds: string[] },
  now: Date,
): Promise<void> {
  await markWarned(db, 'reminder_sent_at', warned.reminderIds, now);
  await markWarned(db, 'overdue_notified_at', warned.overdueIds, now);
}

async function markWarned(
  db: Db,
  column: 'reminder_sent_at' | 'overdue_notified_at',
  inquiryIds: string[],
  now: Date,
): Promise<void> {
  if (inquiryIds.length === 0) return;
  await db
    .updateTable('inquiries')
    .set({ [column]: now })
    .where('id', 'in', inquiryIds)
    .execute();
}
