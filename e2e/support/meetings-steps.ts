import { sql, type Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';
import { danishToday } from '../../server/modules/cases/chronology.ts';
import type { DB } from '../../server/platform/db/schema.ts';
import { createCase } from '../../server/test/records.ts';
import { seriousA11yViolations } from './browser.ts';

/**
 * The records a model-3 forum meeting's agenda is built from (issue 14's journey), set up in the
 * database before the browser starts — the paths that make them (intake, triage, follow-ups,
 * closure and its re-review) are other journeys' (inquiries, cases, copenhagen): the demo
 * Tværfagligt forum's first monthly meeting gets two undecided demo inquiries handed to the forum,
 * the police contact demo.politi no longer a standing member of the forum (still invited to the
 * meeting, as the series was made before), a case of demo.tovholder whose follow-up is due on the meeting's day and a closed case of his
 * whose 6-month re-review is due then. Demo Kommune is model 3 and re-reviews at meetings.
 */
export interface ForumMeetingSetup {
  meetingId: string;
  steeringMeetingId: string;
  /** The triaged inquiry (decided in the minutes) and the received one. */
  inquiries: [string, string];
  followUpCase: string;
  reReviewCase: string;
}

export async function prepareForumMeeting(db: Kysely<DB>): Promise<ForumMeetingSetup> {
  const code = DEMO_MUNICIPALITY_CODE;
  const user = async (username: string) =>
    (
      await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const chair = await user('demo.tovholder');
  const forumOf = async (kind: string) =>
    (
      await db
        .selectFrom('forums')
        .select('id')
        .where('municipality_code', '=', code)
        .where('kind', '=', kind)
        .where('archived_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).id;
  const forumId = await forumOf('forum');
  const steeringId = await forumOf('steering_group');
  const firstOf = async (forum: string) =>
    db
      .selectFrom('meetings')
      .select(['id', 'starts_at'])
      .where('forum_id', '=', forum)
      .where('status', '=', 'planned')
      .where('starts_at', '>', new Date())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
  const next = await firstOf(forumId);
  // The meeting is under way when its minutes are written (a decision is refused before the
  // meeting starts): it began half an hour ago and runs on; its agenda covers today.
  const startsAt = new Date(Date.now() - 30 * 60_000);
  await db
    .updateTable('meetings')
    .set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 2 * 3600_000) })
    .where('id', '=', next.id)
    .execute();
  const meeting = { id: next.id, starts_at: startsAt };
  const steering = await db
    .selectFrom('meetings')
    .select('id')
    .where('forum_id', '=', steeringId)
    .where('video_link', 'is not', null)
    .executeTakeFirstOrThrow();
  const day = danishToday(new Date(meeting.starts_at));
  await db
    .updateTable('municipality_settings')
    .set({ organisation_model: 3, re_review_at_meetings: true })
    .where('municipality_code', '=', code)
    .execute();
  // The police join this forum for serious concerns only: not a standing member (a forum member
  // stands as a member in every meeting of the forum), invited to one item in the journey.
  await db
    .deleteFrom('forum_members')
    .where('forum_id', '=', forumId)
    .where('user_id', '=', await user('demo.politi'))
    .execute();
  await db
    .updateTable('meetings')
    .set({ chair_user_id: chair })
    .where('id', '=', meeting.id)
    .execute();

  const undecided = async (status: string) =>
    db
      .selectFrom('inquiries')
      .select(['id', 'reference'])
      .where('municipality_code', '=', code)
      .where('status', '=', status)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
  const triaged = await undecided('triaged');
  const received = await undecided('received');
  await db
    .updateTable('inquiries')
    .set({ forum_id: forumId })
    .where('id', 'in', [triaged.id, received.id])
    .execute();

  const member = [{ userId: chair, role: 'coordinator' as const }];
  const followUp = await createCase(db, { municipalityCode: code, members: member });
  await db
    .updateTable('cases')
    .set({ forum_id: forumId, next_follow_up_due: day, concern_level: 'moderate' })
    .where('id', '=', followUp.id)
    .execute();
  // A scheduled follow-up row: the server's start recomputes next_follow_up_due from these.
  await db.insertInto('case_follow_ups').values({ case_id: followUp.id, due_on: day }).execute();
  const closed = await createCase(db, { municipalityCode: code, members: member });
  await db
    .updateTable('cases')
    .set({ forum_id: forumId, status: 'closed', closed_at: sql`now()` })
    .where('id', '=', closed.id)
    .execute();
  const closure = await db
    .insertInto('case_closures')
    .values({
      case_id: closed.id,
      outcome: 'handled',
      reason: 'Forløbet er afsluttet.',
      status: 'approved',
      proposed_by: chair,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_reviews')
    .values({ case_id: closed.id, closure_id: closure.id, months: 6, due_on: day })
    .execute();
  return {
    meetingId: meeting.id,
    steeringMeetingId: steering.id,
    inquiries: [triaged.reference, received.reference],
    followUpCase: followUp.reference,
    reReviewCase: closed.reference,
  };
}

/** Fails with axe's serious and critical findings on the page. */
export async function expectAxeClean(page: Page) {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) throw new Error(`axe: ${violations.join('; ')}`);
}
