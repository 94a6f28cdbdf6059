import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * Test fixtures of finished records for retention's tests (the dates in the past are the
 * controllable clock's other half): a case closed on a given day, an inquiry decided on one.
 * Written straight into the tables, as the other tests' fixtures (server/test/records.ts) are.
 */
export async function closeCaseOn(
  db: Kysely<DB>,
  caseId: string,
  userId: string,
  decidedAt: Date,
): Promise<void> {
  await db
    .insertInto('case_closures')
    .values({
      id: randomUUID(),
      case_id: caseId,
      outcome: 'handled',
      reason: 'Forløbet er afsluttet efter planen.',
      status: 'approved',
      proposed_by: userId,
      proposed_at: decidedAt,
      decided_by: userId,
      decided_at: decidedAt,
    })
    .execute();
  await db
    .updateTable('cases')
    .set({
      status: 'closed',
      age_group: 'under_18',
      opened_at: new Date(decidedAt.getTime() - 365 * 86_400_000),
    })
    .where('id', '=', caseId)
    .execute();
}

export async function decideInquiryOn(
  db: Kysely<DB>,
  inquiryId: string,
  userId: string,
  outcome: 'no_concern' | 'other_concern' | 'police',
  decidedAt: Date,
): Promise<void> {
  await db
    .insertInto('inquiry_decisions')
    .values({
      inquiry_id: inquiryId,
      outcome,
      reason: 'Ingen bekymring for radikalisering efter samtale med skolen.',
      age_group: 'under_18',
      subject_kind: 'person',
      status: 'final',
      decided_by: userId,
      decided_at: decidedAt,
    })
    .execute();
  await db
    .updateTable('inquiries')
    .set({ status: 'decided' })
    .where('id', '=', inquiryId)
    .execute();
}
