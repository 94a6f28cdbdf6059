import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { handedToUsersDistrict } from '../../access/police-feedback-access.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { InquiryKey } from './queries-detail.ts';

/*
 * The police's feedback (police_feedback, 0045). The tenant key: the police's list is limited to
 * the municipalities of the caller's district with a final decision handing the inquiry to the
 * police (handedToUsersDistrict); the municipality's side matches the inquiry's id and key.
 */
type Db = Kysely<DB>;

/** Inquiries handed to the police of the caller's district, newest first (references only). */
export async function listHandedInquiries(db: Db, user: CurrentUser, limit: number) {
  return db
    .selectFrom('inquiries')
    .innerJoin('municipalities as m', 'm.code', 'inquiries.municipality_code')
    .innerJoin('inquiry_decisions as d', (join) =>
      join
        .onRef('d.inquiry_id', '=', 'inquiries.id')
        .on('d.status', '=', 'final')
        .on('d.outcome', '=', 'police'),
    )
    .select([
      'inquiries.id',
      'inquiries.reference',
      'inquiries.municipality_code',
      'm.name as municipality_name',
      'd.police_handed_at',
    ])
    .where(handedToUsersDistrict(user))
    .orderBy('d.police_handed_at', 'desc')
    .orderBy('inquiries.id')
    .limit(limit)
    .execute();
}

/** The feedback sent on these inquiries (of the caller's district), oldest first. */
export async function feedbackOfInquiries(db: Db, inquiryIds: readonly string[]) {
  if (inquiryIds.length === 0) return [];
  return db
    .selectFrom('police_feedback')
    .select(['id', 'inquiry_id', 'kind', 'note', 'sent_at'])
    .where('inquiry_id', 'in', inquiryIds)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

/** A feedback by its id, whichever inquiry it is on (the idempotent send looks for it first). */
export async function findFeedback(db: Db, id: string) {
  return db
    .selectFrom('police_feedback')
    .select(['id', 'inquiry_id', 'municipality_code', 'sent_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertFeedback(
  trx: Transaction<DB>,
  values: {
    id: string;
    inquiryId: string;
    municipalityCode: string;
    kind: string;
    note: string | null;
    sentBy: string;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('police_feedback')
    .values({
      id: values.id,
      inquiry_id: values.inquiryId,
      municipality_code: values.municipalityCode,
      kind: values.kind,
      note: values.note,
      sent_by: values.sentBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The inquiry's feedback with who sent and read it, oldest first. */
export async function inquiryFeedback(db: Db, key: InquiryKey) {
  return db
    .selectFrom('police_feedback as f')
    .innerJoin('users as s', 's.id', 'f.sent_by')
    .leftJoin('users as r', 'r.id', 'f.read_by')
    .select([
      'f.id',
      'f.kind',
      'f.note',
      'f.sent_at',
      'f.read_at',
      'f.version',
      's.display_name as sent_by_name',
      'r.display_name as read_by_name',
    ])
    .where('f.inquiry_id', '=', key.inquiryId)
    .where('f.municipality_code', '=', key.municipalityCode)
    .orderBy('f.sent_at')
    .orderBy('f.id')
    .execute();
}

/** Marks the feedback read if it is still at `version` and unread; the row, or undefined. */
export async function markFeedbackRead(
  trx: Transaction<DB>,
  key: InquiryKey,
  feedbackId: string,
  version: number,
  userId: string,
) {
  return trx
    .updateTable('police_feedback')
    .set({ read_by: userId, read_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', feedbackId)
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode)
    .where('version', '=', version)
    .where('read_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
}

/** The feedback's state (for a refused mark: gone, already read, or another version). */
export async function feedbackState(db: Db, key: InquiryKey, feedbackId: string) {
  return db
    .selectFrom('police_feedback')
    .select(['version', 'read_at'])
    .where('id', '=', feedbackId)
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
}

/**
 * Unread feedback on the inquiries a coordinator may see in their own municipality: the task
 * "the police have answered" (tasks module), references only.
 */
export async function unreadFeedbackFor(db: Db, user: CurrentUser) {
  if (!user.roles.includes('coordinator') || !user.municipalityCode) return [];
  return db
    .selectFrom('police_feedback as f')
    .innerJoin('inquiries', (join) =>
      join
        .onRef('inquiries.id', '=', 'f.inquiry_id')
        .onRef('inquiries.municipality_code', '=', 'f.municipality_code'),
    )
    .select(['f.id', 'f.sent_at', 'inquiries.id as inquiry_id', 'inquiries.reference'])
    .where('f.municipality_code', '=', user.municipalityCode)
    .where('f.read_at', 'is', null)
    .where(visibleInquiry(user))
    .execute();
}
