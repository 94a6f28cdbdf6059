import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { ProposalList } from './agenda-schema.ts';
import {
  call,
  caseOf,
  createMeeting,
  db,
  forumOf,
  id,
  onHoldSince,
  planSubmitted,
  reReviewDue,
  settings,
  useAgendaFixtures,
} from './agenda.fixtures.ts';
import { createInquiryRow } from '../../test/records.ts';

useAgendaFixtures();

/** The proposals of a meeting as `kind reference`. */
async function proposals(meetingId: string, who = 'coordinator') {
  const res = await call<ProposalList>(who, 'GET', `/api/meetings/${meetingId}/agenda/proposals`);
  expect(res.status).toBe(200);
  return res.body;
}
const keys = (list: ProposalList) =>
  list.items.map((p) => `${p.kind} ${p.record?.reference ?? ''}`.trim());

describe(`the agenda builder, its clock the meeting's day (${testEngine})`, () => {
  it('proposes each kind when it falls due before the next meeting, and not in the meeting before', async () => {
    await settings({ re_review_at_meetings: true, on_hold_agenda_weeks: 8 });
    const forum = await forumOf('forum', ['coordinator', 'forumMember'], { cadence: 'monthly' });
    const march = await createMeeting(forum, '2027-03-01', { chair: 'coordinator' });
    const lateMarch = await createMeeting(forum, '2027-03-29', { chair: 'coordinator' });
    const followUp = await caseOf(forum, ['coordinator'], { next_follow_up_due: '2027-04-05' });
    const onHold = await caseOf(forum, ['coordinator']);
    await onHoldSince(onHold.id, '2027-01-20T09:00:00Z');
    const review = await caseOf(forum, ['coordinator']);
    await reReviewDue(review.id, '2027-04-10', 12);
    const inquiry = await createInquiryRow(db(), {
      createdBy: id('coordinator'),
      forumId: forum,
      status: 'triaged',
      deadlineAt: new Date('2027-03-15T11:00:00Z'),
    });
    await createInquiryRow(db(), {
      createdBy: id('coordinator'),
      forumId: forum,
      status: 'decided',
    });

    const first = await proposals(march);
    expect(first).toMatchObject({ from: '2027-03-01', until: '2027-03-29' });
    // Only the inquiry: the follow-up and the re-review fall after the next meeting, and the case
    // has been on hold 5½ weeks, under the municipality's 8.
    expect(keys(first)).toEqual([`inquiry ${inquiry.reference}`]);
    expect(first.items[0]).toMatchObject({ dueOn: '2027-03-15', onAgenda: false });

    const second = await proposals(lateMarch);
    // No meeting after it: the forum's monthly cadence closes the window.
    expect(second).toMatchObject({ from: '2027-03-29', until: '2027-04-29' });
    expect(keys(second)).toEqual([
      `inquiry ${inquiry.reference}`,
      `follow_up ${followUp.reference}`,
      `re_review ${review.reference}`,
      `on_hold ${onHold.reference}`,
    ]);
    expect(second.items.find((p) => p.kind === 're_review')).toMatchObject({
      dueOn: '2027-04-10',
      months: 12,
    });
    expect(second.items.find((p) => p.kind === 'on_hold')?.weeksOnHold).toBe(9);
  });

  it('leaves out re-reviews when the municipality does not re-review at meetings', async () => {
    await settings({ re_review_at_meetings: false });
    const forum = await forumOf('forum', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-05-03', { chair: 'coordinator' });
    const review = await caseOf(forum, ['coordinator']);
    await reReviewDue(review.id, '2027-05-10');
    expect(keys(await proposals(meeting))).toEqual([]);
    await settings({ re_review_at_meetings: true });
    expect(keys(await proposals(meeting))).toEqual([`re_review ${review.reference}`]);
  });

  it('proposes only what the caller may see, and marks what is on the agenda already', async () => {
    const forum = await forumOf('forum', ['coordinator', 'colleague']);
    const meeting = await createMeeting(forum, '2027-06-07', { chair: 'colleague' });
    const mine = await caseOf(forum, ['coordinator', 'colleague'], {
      next_follow_up_due: '2027-06-10',
    });
    const notHers = await caseOf(forum, ['coordinator'], { next_follow_up_due: '2027-06-11' });
    const list = await proposals(meeting, 'colleague');
    expect(keys(list)).toEqual([`follow_up ${mine.reference}`]);
    expect(JSON.stringify(list)).not.toContain(notHers.id);
    // The search is audited for the meeting, one entry per record proposed.
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'purpose'])
      .where('actor_user_id', '=', id('colleague'))
      .where('purpose', '=', 'meeting')
      .execute();
    expect(audit).toEqual([{ action: 'search', resource_id: mine.id, purpose: 'meeting' }]);

    const version = (
      await db()
        .selectFrom('meetings')
        .select('version')
        .where('id', '=', meeting)
        .executeTakeFirstOrThrow()
    ).version;
    const added = await call('colleague', 'POST', `/api/meetings/${meeting}/agenda/items`, {
      id: crypto.randomUUID(),
      meetingVersion: version,
      kind: 'follow_up',
      caseId: mine.id,
      dueOn: '2027-06-10',
      proposed: true,
    });
    expect(added.status).toBe(200);
    expect((await proposals(meeting, 'colleague')).items[0]?.onAgenda).toBe(true);
  });

  it('answers 403 to a member who may see the meeting but not change it, 404 to anyone else', async () => {
    const forum = await forumOf('forum', ['coordinator', 'forumMember']);
    const meeting = await createMeeting(forum, '2027-06-14', { chair: 'coordinator' });
    const member = await call('forumMember', 'GET', `/api/meetings/${meeting}/agenda/proposals`);
    expect(member.status).toBe(403);
    const outsider = await call(
      'otherCoordinator',
      'GET',
      `/api/meetings/${meeting}/agenda/proposals`,
    );
    expect(outsider.status).toBe(404);
  });

  it('gives the steering group plans awaiting approval (when it approves them) and the numbers', async () => {
    await settings({ plan_approval: 'coordinator' }, '101');
    const steering = await forumOf('steering_group', ['coordinator']);
    const meeting = await createMeeting(steering, '2027-09-06', { chair: 'coordinator' });
    const planned = await caseOf(null, ['coordinator'], { next_follow_up_due: '2027-09-07' });
    await planSubmitted(planned.id);
    expect(keys(await proposals(meeting))).toEqual(['numbers']);
    await settings({ plan_approval: 'steering_group' });
    const list = await proposals(meeting);
    // No follow-ups or other record items: plan approvals and the numbers only.
    expect(keys(list)).toEqual([`plan_approval ${planned.reference}`, 'numbers']);
    expect(list.items[0]?.planStatus).toBe('submitted');
    await settings({ plan_approval: 'coordinator' });
  });

  it('proposes nothing about records to the Infohus network: the numbers only', async () => {
    const network = await forumOf('infohus_network', ['coordinator']);
    const meeting = await createMeeting(network, '2027-10-04', { chair: 'coordinator' });
    await caseOf(network, ['coordinator'], { next_follow_up_due: '2027-10-05' });
    expect(keys(await proposals(meeting))).toEqual(['numbers']);
  });
});
