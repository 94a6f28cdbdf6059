import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Owner } from './owner.ts';
import { failedRun, presentAttempt, presentMeeting } from './presenters.ts';
import { listAttempts, listMeetings } from './queries.ts';
import type { CitizenContact } from './schema.ts';

/** The contact bar and the meetings of the record, as the caller's request may show them. */
export async function loadContact(db: Kysely<DB>, owner: Owner): Promise<CitizenContact> {
  const attempts = (await listAttempts(db, owner.key)).map(presentAttempt);
  const meetings = (await listMeetings(db, owner.key)).map(presentMeeting);
  return {
    id: owner.key.id,
    attempts,
    failedRun: failedRun(attempts.map((a) => a.outcome)),
    meetings,
  };
}

/**
 * GET …/citizen-contact: the tries and the meetings, read and audited in one transaction (one
 * entry per person of the case or inquiry; counts only in the details).
 */
export async function readContact(ctx: RequestContext, owner: Owner): Promise<CitizenContact> {
  owner.requireRead();
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await loadContact(trx, owner);
    await owner.auditRead(trx, ctx, 'citizen_contact', {
      attempts: contact.attempts.length,
      meetings: contact.meetings.length,
    });
    return contact;
  });
}
