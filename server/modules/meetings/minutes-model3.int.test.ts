import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createInquiryRow, createPerson, fieldsOf } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
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
 * The minutes in a model-3 municipality (issue 14 parts 4 and 7): four-eyes on inquiry decisions
 * (the decision waits for a second coordinator, as on the inquiry's page), plans approved by the
 * steering group on the meeting's day, and a re-review's result recorded at the forum.
 */
useMinutesFixtures();

beforeAll(async () => {
  await t.database.db
    .insertInto('municipality_settings')
    .values({ municipality_code: '101', four_eyes: true, plan_approval: 'steering_group' })
    .onConflict((oc) =>
      oc
        .column('municipality_code')
        .doUpdateSet({ four_eyes: true, plan_approval: 'steering_group' }),
    )
    .execute();
});

const decide = (meetingId: string, itemId: string, version: number, action: object) =>
  caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/items/${itemId}/decision`, {
    version,
    action,
  });
const today = () => danishToday(new Date());

describe(`minutes in model 3 (${testEngine})`, () => {
  it('sends an inquiry decision to a second coordinator under four-eyes', async () => {
    const db = t.database.db;
    const person = await createPerson(db);
    const inquiry = await createInquiryRow(db, {
      createdBy: ids('chair'),
      persons: [person.id],
      status: 'triaged',
    });
    const { meetingId, itemIds } = await meetingWith([{ kind: 'inquiry', inquiryId: inquiry.id }]);
    const version = await start(meetingId);
    const res = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'inquiry_decision',
      decision: {
        outcome: 'radicalisation',
        reason: 'Forummet vurderer en bekymring med substans.',
        classification: { subjectKind: 'person', extremismForm: 'left_wing' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await db
      .selectFrom('inquiries')
      .select(['status', 'case_id'])
      .where('id', '=', inquiry.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'awaiting_approval', case_id: null });
  });

  it("approves a plan in the steering group's meeting, dated the meeting's day", async () => {
    const db = t.database.db;
    const c = await forumCase();
    const plan = await db
      .insertInto('case_plans')
      .values({
        case_id: c.id,
        number: 1,
        status: 'submitted',
        purpose: 'Stabilt fremmøde i skolen',
        goals: JSON.stringify([
          {
            key: randomUUID(),
            parentKey: null,
            text: 'Går i skole hver dag',
            responsible: { userId: ids('chair') },
            targetDate: addDays(today(), 90),
            status: 'not_started',
          },
        ]),
        agreements: JSON.stringify([]),
        starts_on: today(),
        ends_on: addDays(today(), 180),
        created_by: ids('chair'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { meetingId, itemIds } = await meetingWith(
      [{ kind: 'plan_approval', caseId: c.id }],
      'steering_group',
    );
    const version = await start(meetingId);
    const offered = (await view(meetingId)).items[0] as unknown as {
      actions: string[];
      target: unknown;
    };
    expect(offered.actions).toEqual(['plan_approved']);
    // The plan awaiting approval, read through the plans module, for the web's form.
    expect(offered.target).toEqual({ kind: 'plan', id: plan.id, version: 1, number: 1 });
    const res = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'plan_approved',
      planId: plan.id,
      planVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await db
      .selectFrom('case_plans')
      .select(['status', 'steering_group_meeting_on'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'approved', steering_group_meeting_on: today() });
    expect(await eventKinds(c.id)).toEqual(
      expect.arrayContaining(['plan_approved', 'meeting_decision_recorded']),
    );
  });

  it("refuses a plan approval in a forum's meeting when the steering group approves plans", async () => {
    const db = t.database.db;
    const c = await forumCase();
    const plan = await db
      .insertInto('case_plans')
      .values({
        case_id: c.id,
        number: 1,
        status: 'submitted',
        purpose: 'Stabilt fremmøde i skolen',
        goals: JSON.stringify([]),
        agreements: JSON.stringify([]),
        starts_on: today(),
        ends_on: addDays(today(), 180),
        created_by: ids('chair'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'plan_approval', caseId: c.id }]);
    const version = await start(meetingId);
    expect((await view(meetingId)).items[0]?.actions).toEqual([]);
    const res = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/items/${itemIds[0]}/decision`,
      { version, action: { kind: 'plan_approved', planId: plan.id, planVersion: 1 } },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.action.kind:minutes_action_not_for_item']);
    const stored = await db
      .selectFrom('case_plans')
      .select('status')
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
  });

  it("records a re-review's result through the closure module", async () => {
    const db = t.database.db;
    const c = await forumCase();
    await db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    const closure = await db
      .insertInto('case_closures')
      .values({
        case_id: c.id,
        outcome: 'handled',
        reason: 'Forløbet er slut.',
        status: 'approved',
        proposed_by: ids('chair'),
        decided_by: ids('noteTaker'),
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const review = await db
      .insertInto('case_reviews')
      .values({ case_id: c.id, closure_id: closure.id, months: 6, due_on: today() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { meetingId, itemIds } = await meetingWith([{ kind: 're_review', caseId: c.id }]);
    const version = await start(meetingId);
    const due = (await view(meetingId)).items[0] as unknown as { target: unknown };
    expect(due.target).toEqual({ kind: 'review', id: review.id, version: 1, months: 6 });
    const res = await decide(meetingId, itemIds[0] as string, version, {
      kind: 'review',
      reviewId: review.id,
      review: { version: 1, decision: 'confirm', heldOn: today(), noLongerAtRisk: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const stored = await db
      .selectFrom('case_reviews')
      .select('status')
      .where('id', '=', review.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('confirmed');
    expect(await eventKinds(c.id)).toEqual(
      expect.arrayContaining(['review_recorded', 'meeting_decision_recorded']),
    );
  });
});
