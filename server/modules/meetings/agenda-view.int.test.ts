import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { Agenda } from './agenda-schema.ts';
import {
  call,
  caseOf,
  createMeeting,
  db,
  forumOf,
  id,
  invite,
  planSubmitted,
  useAgendaFixtures,
} from './agenda.fixtures.ts';

useAgendaFixtures();

const agendaOf = (meetingId: string, who: string) =>
  call<Agenda>(who, 'GET', `/api/meetings/${meetingId}/agenda`);

async function add(meetingId: string, body: Record<string, unknown>, who = 'coordinator') {
  const now = await agendaOf(meetingId, who);
  const res = await call<Agenda>(who, 'POST', `/api/meetings/${meetingId}/agenda/items`, {
    id: randomUUID(),
    meetingVersion: now.body.meetingVersion,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const meetingReads = (userId: string) =>
  db()
    .selectFrom('audit_log')
    .select(['action', 'resource_type', 'resource_id', 'purpose', 'subject_person_id'])
    .where('actor_user_id', '=', userId)
    .where('purpose', '=', 'meeting')
    .where('action', '=', 'read')
    .orderBy('id')
    .execute();

describe(`need-to-know inside a meeting (${testEngine})`, () => {
  it('shows a member without access to a case "1 item hidden", and audits each record item shown (ASVS 8.2.2)', async () => {
    const forum = await forumOf('forum', ['coordinator', 'forumMember']);
    const meeting = await createMeeting(forum, '2027-03-01', { chair: 'coordinator' });
    const theCase = await caseOf(forum, ['coordinator'], { concern_level: 'high' });
    await add(meeting, { kind: 'topic', title: 'Status på området' });
    const full = await add(meeting, { kind: 'case', caseId: theCase.id });
    expect(full.items.map((i) => i.kind)).toEqual(['topic', 'case']);
    // The chair holds the compartment: the classification is there.
    expect(full.items[1]?.record).toMatchObject({
      type: 'case',
      reference: theCase.reference,
      concernLevel: 'high',
      extremismForm: 'right_wing',
    });

    const member = await agendaOf(meeting, 'forumMember');
    expect(member.status).toBe(200);
    expect(member.body.items.map((i) => i.title)).toEqual(['Status på området']);
    expect(member.body.hiddenCount).toBe(1);
    expect(member.body.mayEdit).toBe(false);
    expect(JSON.stringify(member.body)).not.toContain(theCase.id);
    expect(JSON.stringify(member.body)).not.toContain(theCase.reference);
    expect(await meetingReads(id('forumMember'))).toEqual([]);

    const before = (await meetingReads(id('coordinator'))).length;
    await agendaOf(meeting, 'coordinator');
    const reads = await meetingReads(id('coordinator'));
    expect(reads.length - before).toBe(1);
    expect(reads.at(-1)).toMatchObject({
      action: 'read',
      resource_type: 'case',
      resource_id: theCase.id,
      purpose: 'meeting',
    });
  });

  it('shows a guest only the item they are invited to', async () => {
    const forum = await forumOf('forum', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-03-08', { chair: 'coordinator' });
    const theCase = await caseOf(forum, ['coordinator']);
    await add(meeting, { kind: 'case', caseId: theCase.id });
    const agenda = await add(meeting, { kind: 'topic', title: 'Skolens erfaringer' });
    await add(meeting, { kind: 'topic', title: 'Eventuelt' });
    const topic = agenda.items.find((i) => i.title === 'Skolens erfaringer');
    await invite(meeting, 'caseworker', topic?.id ?? null);
    const guest = await agendaOf(meeting, 'caseworker');
    expect(guest.status).toBe(200);
    expect(guest.body.items.map((i) => i.title)).toEqual(['Skolens erfaringer']);
    expect(guest.body.hiddenCount).toBe(2);
    // The numbers are the municipality's counts: not for a guest (their request gets 403).
    expect(guest.body.mayReadNumbers).toBe(false);
    expect((await agendaOf(meeting, 'coordinator')).body.mayReadNumbers).toBe(true);
  });

  it('answers 404 to a caller outside the meeting, as for one that does not exist', async () => {
    const forum = await forumOf('forum', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-03-09', { chair: 'coordinator' });
    expect((await agendaOf(meeting, 'otherCoordinator')).status).toBe(404);
    expect((await agendaOf(meeting, 'caseworker')).status).toBe(404);
    expect((await agendaOf(randomUUID(), 'coordinator')).status).toBe(404);
  });

  it('shows the steering group a plan approval as the reference and plan status only', async () => {
    const steering = await forumOf('steering_group', ['coordinator']);
    const meeting = await createMeeting(steering, '2027-03-10', { chair: 'coordinator' });
    const theCase = await caseOf(null, ['coordinator'], { concern_level: 'moderate' });
    await planSubmitted(theCase.id);
    const agenda = await add(meeting, { kind: 'plan_approval', caseId: theCase.id });
    expect(agenda.items[0]?.record).toEqual({
      type: 'case',
      id: theCase.id,
      reference: theCase.reference,
      status: null,
      planStatus: 'submitted',
      concernLevel: null,
      extremismForm: null,
    });
  });
});
