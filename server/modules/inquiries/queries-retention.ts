import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Retention's deletion of inquiries (server/modules/retention, docs/RETENTION.md), through the
 * inquiries module that owns the table: an inquiry whose own period has ended, or the inquiries
 * a case was opened from when that case goes. Their signs, contributions, decisions, events and
 * person places follow by cascade. Returns the persons they named.
 */
export async function deleteInquiriesForRetention(
  db: Kysely<DB>,
  municipalityCode: string,
  which: { inquiryId: string } | { caseId: string },
): Promise<{ deleted: number; personIds: string[] }> {
  const ids = (
    await db
      .selectFrom('inquiries')
      .select('id')
      .where('municipality_code', '=', municipalityCode)
      .$if('inquiryId' in which, (q) =>
        q.where('id', '=', 'inquiryId' in which ? which.inquiryId : ''),
      )
      .$if('caseId' in which, (q) => q.where('case_id', '=', 'caseId' in which ? which.caseId : ''))
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return { deleted: 0, personIds: [] };
  const persons = await db
    .selectFrom('inquiry_persons')
    .select('person_id')
    .where('inquiry_id', 'in', ids)
    .execute();
  const deleted = await db
    .deleteFrom('inquiries')
    .where('id', 'in', ids)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return { deleted: Number(deleted.numDeletedRows), personIds: persons.map((p) => p.person_id) };
}
