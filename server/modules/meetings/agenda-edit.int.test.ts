import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createInquiryRow } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import type { Agenda, Numbers } from './agenda-schema.ts';
import {
  addUser,
  call,
  caseOf,
  createMeeting,
  db,
  fieldsIn,
  forumOf,
  id,
  state,
  useAgendaFixtures,
  type ErrorBody,
} from './agenda.fixtures.ts';

useAgendaFixtures();

const url = (meetingId: string) => `/api/meetings/${meetingId}/agenda`;

describe(`editing the agenda (${testEngine})`, () => {
  it('adds idempotently by id, moves and removes on the meeting version, audited with ids only', async () => {
    const forum = await forumOf('forum', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-04-05', { chair: 'coordinator' });
    const theCase = await caseOf(forum, ['coordinator']);
    const itemId = randomUUID();
    const body = { id: itemId, meetingVersion: 1, kind: 'case', caseId: theCase.id };
    const first = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/items`, body);
    expect(first.status).toBe(200);
    expect(first.body.meetingVersion).toBe(2);
    // The same request again (a double click): the same agenda, no second item.
    const again = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/items`, body);
    expect(again.status).toBe(200);
    expect(again.body.items).toHaveLength(1);
    expect(again.body.meetingVersion).toBe(2);

    const topic = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 2,
      kind: 'topic',
      title: 'Nye tendenser',
    });
    expect(topic.body.items.map((i) => i.kind)).toEqual(['case', 'topic']);
    const topicId = topic.body.items[1]?.id;

    const moved = await call<Agenda>('coordinator', 'PATCH', `${url(meeting)}/items/${topicId}`, {
      meetingVersion: 3,
      position: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.items.map((i) => [i.kind, i.position])).toEqual([
      ['topic', 1],
      ['case', 2],
    ]);

    const before = await state(meeting);
    const stale = await call<ErrorBody>(
      'coordinator',
      'DELETE',
      `${url(meeting)}/items/${itemId}?meetingVersion=3`,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', meta: { currentVersion: 4 } });
    expect(await state(meeting)).toEqual(before);

    const removed = await call<Agenda>(
      'coordinator',
      'DELETE',
      `${url(meeting)}/items/${itemId}?meetingVersion=4`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((i) => [i.kind, i.position])).toEqual([['topic', 1]]);

    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('resource_type', '=', 'meeting')
      .where('resource_id', '=', meeting)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.details as { change: string }).change)).toEqual([
      'agenda_item_added',
      'agenda_item_added',
      'agenda_item_moved',
      'agenda_item_removed',
    ]);
  });

  it('refuses a case the chair may not see, another municipality’s case or inquiry: 400 on the field, nothing stored', async () => {
    const forum = await forumOf('forum', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-04-12', { chair: 'coordinator' });
    const notMine = await caseOf(forum, ['colleague']);
    const elsewhere = await caseOf(null, ['otherCoordinator'], { municipality_code: '147' });
    const otherInquiry = await createInquiryRow(db(), {
      createdBy: id('otherCoordinator'),
      municipalityCode: '147',
    });
    const before = await state(meeting);
    for (const [caseId, why] of [
      [notMine.id, 'not a member'],
      [elsewhere.id, 'another municipality'],
      [randomUUID(), 'no such case'],
    ] as const) {
      const res = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
        id: randomUUID(),
        meetingVersion: 1,
        kind: 'case',
        caseId,
      });
      expect(res.status, why).toBe(400);
      expect(fieldsIn(res.body), why).toEqual(['body.caseId:record_not_found']);
    }
    const inquiry = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'inquiry',
      inquiryId: otherInquiry.id,
    });
    expect(fieldsIn(inquiry.body)).toEqual(['body.inquiryId:record_not_found']);
    const shape = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
    });
    expect(fieldsIn(shape.body)).toEqual(['body.title:required']);
    expect(await state(meeting)).toEqual(before);
  });

  it('lets only the chair or a forum manager change the agenda (403 for a member)', async () => {
    const forum = await forumOf('forum', ['colleague', 'forumMember']);
    const meeting = await createMeeting(forum, '2027-04-19', { chair: 'colleague' });
    const before = await state(meeting);
    const member = await call('forumMember', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Mit punkt',
    });
    expect(member.status).toBe(403);
    expect(await state(meeting)).toEqual(before);
    // A coordinator manages the municipality's forums.
    const manager = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Koordinatorens punkt',
    });
    expect(manager.status).toBe(200);
  });

  it('applies a playbook template once, in Danish', async () => {
    const forum = await forumOf('housing_area', ['coordinator']);
    const meeting = await createMeeting(forum, '2027-04-26', { chair: 'coordinator' });
    const res = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/template`, {
      meetingVersion: 1,
      template: 'area_meeting',
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0]).toMatchObject({
      kind: 'topic',
      source: 'template',
      title: 'Velkomst og opfølgning fra sidste områdemøde',
    });
    const twice = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/template`, {
      meetingVersion: 2,
      template: 'area_meeting',
    });
    expect(twice.body.items).toHaveLength(5);
  });
});

describe(`the Infohus network and the numbers (${testEngine})`, () => {
  it('refuses a CPR number or a record reference in a network topic with a Danish message, storing nothing', async () => {
    const network = await forumOf('infohus_network', ['coordinator']);
    const meeting = await createMeeting(network, '2027-05-03', { chair: 'coordinator' });
    const before = await state(meeting);
    const cpr = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Ung mand 010203-1234 i området',
    });
    expect(cpr.status).toBe(400);
    expect(fieldsIn(cpr.body)).toEqual(['body.title:network_cpr']);
    expect(JSON.stringify(cpr.body)).toContain('cpr-nummer');
    const reference = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Højreekstremisme',
      description: 'Se S-2026-000123',
    });
    expect(fieldsIn(reference.body)).toEqual(['body.description:network_record_reference']);
    const theCase = await caseOf(null, ['coordinator']);
    const record = await call<ErrorBody>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'case',
      caseId: theCase.id,
    });
    expect(fieldsIn(record.body)).toEqual(['body.kind:kind_not_in_infohus_network']);
    expect(await state(meeting)).toEqual(before);
    const fine = await call<Agenda>('coordinator', 'POST', `${url(meeting)}/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Henvendelser om højreekstremisme dette kvartal',
    });
    expect(fine.status).toBe(200);
  });

  it('counts with small cells suppressed: 1–4 are "under 5", and never a name', async () => {
    // A municipality of its own, so the counts are this test's.
    await addUser('ballerup', ['coordinator'], '151');
    const steering = await forumOf('steering_group', ['ballerup'], { municipalityCode: '151' });
    const chair = 'ballerup';
    const outsider = await call(
      'coordinator',
      'GET',
      `/api/meetings/${randomUUID()}/agenda/numbers`,
    );
    expect(outsider.status).toBe(404);
    const meeting = await createMeeting(steering, '2027-07-01', { chair });
    // The quarter the cases are opened in (the period is a whole calendar quarter).
    const today = danishToday(new Date());
    const month = Number(today.slice(5, 7)) - ((Number(today.slice(5, 7)) - 1) % 3);
    const thisQuarter = `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
    for (let i = 0; i < 6; i += 1) {
      await caseOf(null, ['coordinator'], { municipality_code: '151', concern_level: 'moderate' });
    }
    await caseOf(null, ['coordinator'], { municipality_code: '151', concern_level: 'high' });
    const res = await call<Numbers>(
      chair,
      'GET',
      `/api/meetings/${meeting}/agenda/numbers?from=${thisQuarter}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.openCases.active).toEqual({
      low: 0,
      // Withheld too: with the total shown, it would give the small cell away.
      moderate: 'hidden',
      high: 'under_5',
      unknown: 0,
      total: 7,
    });
    expect(res.body.newCasesByForm.right_wing).toBe(7);
    expect(res.body.openCases.on_hold.total).toBe(0);
    expect(res.body.newInquiries).toBe(0);
    const bad = await call<ErrorBody>(
      chair,
      'GET',
      `/api/meetings/${meeting}/agenda/numbers?from=2027-02-01&until=2027-01-01`,
    );
    expect(bad.status).toBe(400);
    expect(fieldsIn(bad.body)).toEqual(['query.from:from_after_until']);
  });
});
