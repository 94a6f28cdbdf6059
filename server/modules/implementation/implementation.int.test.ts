import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callsByName, countOf, fieldsIn, type ErrorBody } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';
import type { Role } from '../../access/roles.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import type { TaskList } from '../tasks/schema.ts';
import type { Checklist, ImplementationItem, Profile } from './schema.ts';

/**
 * The implementation follow-up and the self-profile through the real app (issue 16 part 6):
 * coordinators change, municipal administrators and leaders read, caseworkers are refused;
 * every change keeps its history and its audit entry; bad input is refused with a field
 * problem and nothing stored; stale versions answer 409; due reviews are coordinators' tasks.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, LoggedIn> = {};
const call = callsByName(() => t.app, as);
const today = danishToday(new Date());
const inAMonth = addDays(today, 30);

async function state() {
  const count = (q: string) => countOf(t.database.db, q);
  return {
    items: await count('select count(*)::int as n from implementation_items'),
    changes: await count('select count(*)::int as n from implementation_item_changes'),
    reviews: await count('select count(*)::int as n from implementation_reviews'),
    profiles: await count('select count(*)::int as n from implementation_profiles'),
    audit: await count(
      `select count(*)::int as n from audit_log where resource_type like 'implementation%'`,
    ),
  };
}

const item = (checklist: Checklist, key: string) =>
  checklist.items.find((i) => i.key === key) as ImplementationItem;

const inPlace = {
  status: 'in_place',
  notRelevantReason: null,
  responsibleUserId: null,
  responsibleText: 'Direktionen',
  evidence: 'Referat fra styregruppen 3/9',
  nextReviewOn: inAMonth,
  version: 0,
};

beforeAll(async () => {
  t = await startTestApp();
  const add = async (name: string, roles: Role[], code = '101') => {
    users[name] = await createUser(t.database.db, { roles, municipalityCode: code });
    as[name] = await login(t.app, users[name]);
  };
  await add('coordinator', ['coordinator']);
  await add('admin', ['municipal_admin']);
  await add('leader', ['leader']);
  await add('caseworker', ['caseworker']);
  await add('otherCoordinator', ['coordinator'], '147');
});
afterAll(() => t.close());

describe(`implementation follow-up: reading and changing (${testEngine})`, () => {
  it('shows every item of the four parts as not started, and the abilities by role', async () => {
    const res = await call<Checklist>('coordinator', 'GET', '/api/implementation');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(16);
    expect(new Set(res.body.items.map((i) => i.part))).toEqual(
      new Set(['collaboration', 'identification', 'analysis', 'intervention']),
    );
    expect(res.body.items.filter((i) => i.leadership).map((i) => i.key)).toEqual([
      'leadership_anchoring',
      'coordinator_and_team',
      'knowledge_sharing',
    ]);
    expect(item(res.body, 'leadership_anchoring')).toMatchObject({
      status: 'not_started',
      version: 0,
    });
    expect(res.body.abilities).toEqual({ read: true, edit: true });
    const leader = await call<Checklist>('leader', 'GET', '/api/implementation');
    expect(leader.status).toBe(200);
    expect(leader.body.abilities).toEqual({ read: true, edit: false });
    const admin = await call<Checklist>('admin', 'GET', '/api/implementation');
    expect(admin.body.abilities).toEqual({ read: true, edit: false });
    expect((await call('caseworker', 'GET', '/api/implementation')).status).toBe(403);
  });

  it('stores a change with its history and audit entry; leaders and caseworkers may not', async () => {
    const before = await state();
    for (const who of ['leader', 'admin', 'caseworker']) {
      const denied = await call(
        who,
        'PUT',
        '/api/implementation/items/leadership_anchoring',
        inPlace,
      );
      expect(denied.status).toBe(403);
    }
    expect(await state()).toEqual(before);
    const res = await call<{ item: ImplementationItem }>(
      'coordinator',
      'PUT',
      '/api/implementation/items/leadership_anchoring',
      { ...inPlace, responsibleUserId: users.coordinator?.id },
    );
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      status: 'in_place',
      evidence: 'Referat fra styregruppen 3/9',
      responsibleUser: { id: users.coordinator?.id },
      nextReviewOn: inAMonth,
      version: 1,
    });
    const second = await call<{ item: ImplementationItem }>(
      'coordinator',
      'PUT',
      '/api/implementation/items/leadership_anchoring',
      { ...inPlace, status: 'under_way', version: 1 },
    );
    expect(second.body.item.version).toBe(2);
    const history = await call<{ items: { fields: string[]; old: unknown; new: unknown }[] }>(
      'leader',
      'GET',
      '/api/implementation/items/leadership_anchoring/history',
    );
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      fields: ['status', 'responsibleUser'],
      old: { status: 'in_place' },
      new: { status: 'under_way', responsibleUser: null },
    });
    expect(history.body.items[1]?.old).toBeNull();
    expect((await state()).audit).toBe((before.audit ?? 0) + 2);
  });

  it('answers 409 to a stale version and stores nothing', async () => {
    const before = await state();
    const res = await call<ErrorBody>(
      'coordinator',
      'PUT',
      '/api/implementation/items/leadership_anchoring',
      { ...inPlace, version: 1 },
    );
    expect(res.status).toBe(409);
    expect(res.body.error.meta).toEqual({ currentVersion: 2 });
    const fresh = await call<ErrorBody>(
      'coordinator',
      'PUT',
      '/api/implementation/items/leadership_anchoring',
      { ...inPlace, version: 0 },
    );
    expect(fresh.status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it('refuses bad input with Danish field messages and stores nothing', async () => {
    const other = users.otherCoordinator?.id;
    const before = await state();
    const res = await call<ErrorBody>(
      'coordinator',
      'PUT',
      '/api/implementation/items/consent_routine',
      {
        ...inPlace,
        status: 'not_relevant',
        nextReviewOn: addDays(today, -1),
        responsibleUserId: other,
        evidence: 'Se 010190-1234',
      },
    );
    expect(res.status).toBe(400);
    expect(fieldsIn(res.body)).toEqual([
      'body.notRelevantReason:implementation_reason_required',
      'body.nextReviewOn:implementation_date_past',
      'body.responsibleUserId:implementation_not_staff',
      'body.evidence:implementation_personal_reference',
    ]);
    expect(res.body.error.fields?.[0]?.message).toMatch(/ikke er relevant/);
    const unknown = await call('coordinator', 'PUT', '/api/implementation/items/no_such', inPlace);
    expect(unknown.status).toBe(400);
    expect(await state()).toEqual(before);
    const ok = await call<{ item: ImplementationItem }>(
      'coordinator',
      'PUT',
      '/api/implementation/items/consent_routine',
      { ...inPlace, status: 'not_relevant', notRelevantReason: 'Samtykke håndteres i SSP' },
    );
    expect(ok.body.item).toMatchObject({ status: 'not_relevant', reviewDue: false });
  });

  it("keeps each municipality's checklist apart", async () => {
    const other = await call<Checklist>('otherCoordinator', 'GET', '/api/implementation');
    expect(item(other.body, 'leadership_anchoring').status).toBe('not_started');
    const history = await call<{ items: unknown[] }>(
      'otherCoordinator',
      'GET',
      '/api/implementation/items/leadership_anchoring/history',
    );
    expect(history.body.items).toEqual([]);
  });
});

describe(`implementation follow-up: reviews and tasks (${testEngine})`, () => {
  const reviewId = randomUUID();
  const review = {
    id: reviewId,
    reviewedOn: today,
    conclusion: 'Godt i gang',
    nextReviewOn: inAMonth,
  };

  it('records a review (idempotent) that sets the next date; bad dates are refused', async () => {
    const before = await state();
    const bad = await call<ErrorBody>('coordinator', 'POST', '/api/implementation/reviews', {
      ...review,
      id: randomUUID(),
      reviewedOn: addDays(today, 1),
      nextReviewOn: today,
    });
    expect(bad.status).toBe(400);
    expect(fieldsIn(bad.body)).toEqual([
      'body.reviewedOn:implementation_date_future',
      'body.nextReviewOn:implementation_next_review_future',
    ]);
    expect((await call('leader', 'POST', '/api/implementation/reviews', review)).status).toBe(403);
    expect(await state()).toEqual(before);
    const res = await call('coordinator', 'POST', '/api/implementation/reviews', review);
    expect(res.status).toBe(201);
    const again = await call('coordinator', 'POST', '/api/implementation/reviews', review);
    expect(again.status).toBe(200);
    const taken = await call('otherCoordinator', 'POST', '/api/implementation/reviews', review);
    expect(taken.status).toBe(409);
    const checklist = await call<Checklist>('leader', 'GET', '/api/implementation');
    expect(checklist.body).toMatchObject({ nextReviewOn: inAMonth, reviewDue: false });
    expect(checklist.body.reviews).toHaveLength(1);
  });

  it("puts due items and a due checklist on the coordinators' task list", async () => {
    const kinds = async (who: string) =>
      (await call<TaskList>(who, 'GET', '/api/tasks')).body.items
        .map((i) => `${i.kind}:${i.id}`)
        .filter((k) => k.startsWith('implementation'));
    expect(await kinds('coordinator')).toEqual([]);
    const db = t.database.db;
    await db
      .updateTable('implementation_items')
      .set({ next_review_on: addDays(today, -2) })
      .where('municipality_code', '=', '101')
      .where('item_key', '=', 'leadership_anchoring')
      .execute();
    await db
      .updateTable('implementation_reviews')
      .set({ next_review_on: today })
      .where('id', '=', reviewId)
      .execute();
    expect(await kinds('coordinator')).toEqual([
      'implementation_item_review:leadership_anchoring',
      `implementation_review:${reviewId}`,
    ]);
    expect(await kinds('leader')).toEqual([]);
    expect(await kinds('otherCoordinator')).toEqual([]);
    const checklist = await call<Checklist>('coordinator', 'GET', '/api/implementation');
    expect(checklist.body.reviewDue).toBe(true);
    expect(item(checklist.body, 'leadership_anchoring').reviewDue).toBe(true);
  });
});

describe(`implementation follow-up: the self-profile (${testEngine})`, () => {
  const answers = {
    strategy: 'adopted',
    strategyNote: 'Vedtaget 2025',
    workflows: 'fixed',
    workflowsNote: null,
    anchoredIn: 'ssp',
    anchoredNote: null,
    actors: ['ssp', 'police', 'housing_social'],
    groups: ['steering_group'],
    adHocActors: 'Psykiatrien',
    notes: null,
  };

  it('keeps every version with what changed; stale saves answer 409; leaders read', async () => {
    const empty = await call<Profile>('leader', 'GET', '/api/implementation/profile');
    expect(empty.body).toMatchObject({ organisationModel: 1, versions: [] });
    expect(
      (await call('leader', 'POST', '/api/implementation/profile', { basedOn: 0, answers })).status,
    ).toBe(403);
    const first = await call<Profile>('coordinator', 'POST', '/api/implementation/profile', {
      basedOn: 0,
      answers,
    });
    expect(first.status).toBe(201);
    const second = await call<Profile>('coordinator', 'POST', '/api/implementation/profile', {
      basedOn: 1,
      answers: { ...answers, workflows: 'partly', actors: ['ssp'] },
    });
    expect(second.body.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(second.body.versions[0]?.changed).toEqual(['workflows', 'actors']);
    const before = await state();
    const stale = await call<ErrorBody>('coordinator', 'POST', '/api/implementation/profile', {
      basedOn: 1,
      answers,
    });
    expect(stale.status).toBe(409);
    const cpr = await call<ErrorBody>('coordinator', 'POST', '/api/implementation/profile', {
      basedOn: 2,
      answers: { ...answers, notes: '0101901234' },
    });
    expect(cpr.status).toBe(400);
    expect(fieldsIn(cpr.body)).toEqual(['body.answers.notes:implementation_personal_reference']);
    expect(await state()).toEqual(before);
  });
});
