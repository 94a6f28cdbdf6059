import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
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
  view,
} from './minutes.fixtures.ts';

/**
 * Decisions in the minutes act on the record exactly as on its own page (issue 14 part 4): the
 * owning module decides with its own rules, in the minutes' transaction, and writes its
 * chronology; a decision those rules refuse answers their Danish message and stores nothing.
 */
useMinutesFixtures();

const decide = (meetingId: string, itemId: string, version: number, action: object) =>
  caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/items/${itemId}/decision`, {
    version,
    action,
  });

describe(`minutes that act (${testEngine})`, () => {
  it('decides an inquiry through its own decision (a case opens) and notes it in the minutes', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { givenName: 'Omar', familyName: 'Referatsen' });
    const inquiry = await createInquiryRow(db, {
      createdBy: ids('chair'),
      persons: [person.id],
      status: 'triaged',
    });
    const { meetingId, itemIds } = await meetingWith([{ kind: 'inquiry', inquiryId: inquiry.id }]);
    const itemId = itemIds[0] as string;
    const version = await start(meetingId);
    expect((await view(meetingId)).items[0]?.actions).toEqual(['inquiry_decision']);

    const res = await decide(meetingId, itemId, version, {
      kind: 'inquiry_decision',
      decision: {
        outcome: 'radicalisation',
        reason: 'Forummet vurderer en radikaliseringsbekymring med substans.',
        classification: { subjectKind: 'person', extremismForm: 'right_wing' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await db
      .selectFrom('inquiries')
      .select(['status', 'case_id'])
      .where('id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('decided');
    expect(row.case_id).not.toBeNull();
    const history = await db
      .selectFrom('inquiry_events')
      .select('kind')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['decided', 'meeting_decision_recorded']),
    );
    const after = await view(meetingId);
    expect(after.items[0]?.action).toEqual({
      kind: 'inquiry_decision',
      resourceId: inquiry.id,
      actedAt: expect.any(String),
    });
    expect(after.items[0]?.actions).toEqual([]);
    // Once is enough: a second decision on the item is refused.
    const again = await decide(meetingId, itemId, after.minutes?.version ?? 0, {
      kind: 'concern_level',
      concernLevel: 'high',
    });
    expect(again.statusCode).toBe(400);
  });

  it("changes a case's concern level as a follow-up held at the meeting, named in the chronology", async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'follow_up', caseId: c.id }]);
    const version = await start(meetingId);
    const res = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'concern_level',
      concernLevel: 'high',
      summary: 'Forummet vurderer, at bekymringen er steget.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.database.db
      .selectFrom('cases')
      .select('concern_level')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.concern_level).toBe('high');
    expect(await eventKinds(c.id)).toEqual(
      expect.arrayContaining(['follow_up_recorded', 'meeting_decision_recorded']),
    );
    expect((await view(meetingId)).items[0]?.action?.kind).toBe('concern_level');
  });

  it('refuses closing a case with open interventions with the closure’s own message, storing nothing', async () => {
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
    await db
      .insertInto('case_interventions')
      .values({
        case_id: c.id,
        intervention_type_id: type.id,
        person_id: c.personId,
        status: 'active',
        starts_on: '2026-01-05',
        created_by: ids('chair'),
      })
      .execute();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    const version = await start(meetingId);
    const events = await eventKinds(c.id);
    const res = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/items/${itemIds[0]}/decision`,
      {
        version,
        action: {
          kind: 'closure_proposed',
          closure: { outcome: 'handled', reason: 'Bekymringen er væk.' },
        },
      },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res).join()).toMatch(/interventionDispositions/);
    expect((res.json() as ErrorBody).error.message).toMatch(/[æøå]|Ret de markerede felter/);
    const closures = await db
      .selectFrom('case_closures')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(closures).toEqual([]);
    expect(await eventKinds(c.id)).toEqual(events);
    const after = await view(meetingId);
    expect(after.items[0]?.action).toBeNull();
    expect(after.minutes?.version).toBe(version);
  });

  it('proposes a closure and adds an intervention through their modules', async () => {
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
    let version = await start(meetingId);
    const added = await decide(meetingId, itemIds[1] as string, version, {
      kind: 'intervention_added',
      intervention: { interventionTypeId: type.id, personId: c.personId },
    });
    expect(added.statusCode, added.body).toBe(200);
    version = (added.json() as { version: number }).version;
    const interventions = await db
      .selectFrom('case_interventions')
      .select(['id', 'status'])
      .where('case_id', '=', c.id)
      .execute();
    expect(interventions).toHaveLength(1);
    const proposed = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'closure_proposed',
      closure: {
        outcome: 'handled',
        reason: 'Bekymringen er væk.',
        interventionDispositions: [{ interventionId: interventions[0]?.id, disposition: 'end' }],
      },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(await eventKinds(c.id)).toEqual(
      expect.arrayContaining([
        'intervention_added',
        'closure_proposed',
        'meeting_decision_recorded',
      ]),
    );
  });

  it('confirms a pending closure proposal through the closure module: the case closes', async () => {
    const c = await forumCase();
    const proposed = await caller('chair').post(`/api/cases/${c.id}/closure`, {
      outcome: 'handled',
      reason: 'Forløbet er afsluttet efter planen.',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const closureId = (proposed.json() as { id: string }).id;
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    const version = await start(meetingId);
    const offered = (await view(meetingId)).items[0] as unknown as { target: unknown };
    expect(offered.target).toEqual({ kind: 'closure', id: closureId, outcome: 'handled' });
    const res = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'closure_approved',
      closureId,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.database.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    expect(await eventKinds(c.id)).toEqual(
      expect.arrayContaining(['closure_approved', 'meeting_decision_recorded']),
    );
  });

  it('refuses a decision by a participant who may not write the minutes, and on an unseen item', async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'follow_up', caseId: c.id }]);
    const version = await start(meetingId);
    const member = await caller('member').post(
      `/api/meetings/${meetingId}/minutes/items/${itemIds[0]}/decision`,
      { version, action: { kind: 'concern_level', concernLevel: 'low' } },
    );
    expect(member.statusCode).toBe(403);
    const foreign = await caller('foreign').get(`/api/meetings/${meetingId}/minutes`);
    expect(foreign.statusCode).toBe(404);
    const other = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/items/${randomUUID()}/decision`,
      { version, action: { kind: 'concern_level', concernLevel: 'low' } },
    );
    expect(other.statusCode).toBe(404);
  });
});
