import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { queueMeetingMail } from './meetings-mail.ts';
import * as q from './queries-forum-members.ts';

/**
 * What a change to a forum means for its meetings (review findings 7 and 11), called by the forums
 * module inside its own transaction. A member removed from the forum leaves the meetings not yet
 * held (planned, later than now, without minutes): their member invitation goes (they are sent
 * the cancellation) and they are no longer its chair or note-taker; the meetings held keep who
 * took part. A forum with meetings keeps its kind.
 */

export { forumHasMeetings } from './queries-forum-members.ts';

/** Takes a removed forum member out of the forum's coming meetings; the meetings' ids. */
export async function leaveComingMeetings(
  trx: Transaction<DB>,
  municipalityCode: string,
  forumId: string,
  userId: string,
): Promise<string[]> {
  const meetings = await q.comingMeetingsOf(trx, municipalityCode, forumId, userId);
  const invited = meetings.filter((m) => m.member);
  if (invited.length > 0) {
    await queueMeetingMail(trx, {
      municipalityCode,
      meetings: invited.map(({ id, version }) => ({ id, version })),
      kind: 'cancel',
      onlyUserId: userId,
    });
  }
  const ids = meetings.map((m) => m.id);
  await q.withdrawFromMeetings(trx, municipalityCode, ids, userId);
  return ids;
}
