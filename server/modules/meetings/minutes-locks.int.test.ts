import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { createInquiryRow, createPerson, fieldsOf, type ErrorBody } from '../../test/records.ts';
import {
  caller,
  eventKinds,
  forumCase,
  ids,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
} from './minutes.fixtures.ts';

/**
 * A decision in the minutes keeps the record's optimistic lock (review finding 10): the version
 * of the inquiry or case the writer saw travels with it, and a record changed since answers 409
 * with its current version; nothing is stored.
 */
useMinutesFixtures();

const decide = (meetingId: string, itemId: string, body: object) =>
  caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/items/${itemId}/decision`, body, {
    'accept-language': 'da',
  });

describe(`the record's lock in a minutes decision (${testEngine})`, () => {
  it('refuses an inquiry decision against a stale inquiry version', async () => {
    const db = t.database.db;
    const person = await createPerson(db);
    const inquiry = await createInquiryRow(db, {
      createdBy: ids('chair'),
      persons: [person.id],
      status: 'triaged',
    });
    const { meetingId, itemIds } = await meetingWith([{ kind: 'inquiry', inquiryId: inquiry.id }]);
    const version = await start(meetingId);
    const seen = await db
      .selectFrom('inquiries')
      .select('version')
      .where('id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    // The minutes show the version the web sends back with the decision.
    const view = await caller('noteTaker').get(`/api/meetings/${meetingId}/minutes`);
    const shown = (view.json() as { items: { agendaItemId: string; recordVersion: number }[] })
      .items;
    expect(shown.find((i) => i.agendaItemId === itemIds[0])?.recordVersion).toBe(seen.version);
    const res = await decide(meetingId, itemIds[0] as string, {
      version,
      inquiryVersion: seen.version + 1,
      action: {
        kind: 'inquiry_decision',
        decision: {
          outcome: 'radicalisation',
          reason: 'Forummet vurderer en bekymring med substans.',
          classification: { subjectKind: 'person', extremismForm: 'left_wing' },
        },
      },
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.meta).toMatchObject({ currentVersion: seen.version });
    const row = await db
      .selectFrom('inquiries')
      .select('status')
      .where('id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('triaged');
  });

  it('refuses a case decision against a stale case version', async () => {
    const db = t.database.db;
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    const version = await start(meetingId);
    const seen = await db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const before = await eventKinds(c.id);
    const res = await decide(meetingId, itemIds[0] as string, {
      version,
      caseVersion: seen.version + 1,
      action: { kind: 'concern_level', concernLevel: 'high' },
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.meta).toMatchObject({ currentVersion: seen.version });
    expect(await eventKinds(c.id)).toEqual(before);

    const fresh = await decide(meetingId, itemIds[0] as string, {
      version,
      caseVersion: seen.version,
      action: { kind: 'concern_level', concernLevel: 'high' },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });
});

describe(`a repeated task from the minutes (${testEngine})`, () => {
  it('answers a retry as the first time and refuses an id used for another meeting', async () => {
    const { meetingId } = await meetingWith([{ kind: 'topic', title: 'Fælles temaer' }]);
    const version = await start(meetingId);
    const body = {
      id: randomUUID(),
      version,
      agendaItemId: null,
      description: 'Saml erfaringer fra skolerne',
      responsibleUserId: ids('chair'),
      dueOn: addDays(danishToday(new Date()), 7),
    };
    const first = await caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/tasks`, body);
    expect(first.statusCode, first.body).toBe(200);
    // The retry still carries the version from before the first write.
    const again = await caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/tasks`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());

    const other = await meetingWith([{ kind: 'topic', title: 'Andre temaer' }]);
    const otherVersion = await start(other.meetingId);
    const reused = await caller('noteTaker').post(
      `/api/meetings/${other.meetingId}/minutes/tasks`,
      {
        ...body,
        version: otherVersion,
      },
    );
    expect(reused.statusCode).toBe(409);
    const rows = await t.database.db
      .selectFrom('meeting_minutes_tasks')
      .select('meeting_id')
      .where('id', '=', body.id)
      .execute();
    expect(rows).toEqual([{ meeting_id: meetingId }]);
  });
});

describe(`a decision that made nothing new (${testEngine})`, () => {
  it('refuses an intervention whose client id the case already has', async () => {
    const db = t.database.db;
    const c = await forumCase();
    const type = await db
      .insertInto('intervention_types')
      .values({
        municipality_code: '101',
        code: `m_${randomUUID().slice(0, 8)}`,
        name: 'Mentor',
        level: 'anticipating',
        age_group: 'all',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { meetingId, itemIds } = await meetingWith([
      { kind: 'case', caseId: c.id },
      { kind: 'on_hold', caseId: c.id },
    ]);
    const version = await start(meetingId);
    const intervention = { id: randomUUID(), interventionTypeId: type.id, personId: c.personId };
    const first = await decide(meetingId, itemIds[0] as string, {
      version,
      action: { kind: 'intervention_added', intervention },
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await decide(meetingId, itemIds[1] as string, {
      version: (first.json() as { version: number }).version,
      action: { kind: 'intervention_added', intervention },
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['body.action:minutes_action_exists']);
    const acted = await db
      .selectFrom('meeting_minutes_items')
      .select('agenda_item_id')
      .where('action_kind', 'is not', null)
      .where('agenda_item_id', 'in', itemIds)
      .execute();
    expect(acted).toEqual([{ agenda_item_id: itemIds[0] }]);
  });
});
