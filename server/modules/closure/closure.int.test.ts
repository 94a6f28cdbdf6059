import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createPerson,
  createUnit,
  type Client,
} from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { findCaseAccess } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { danishToday } from '../cases/chronology.ts';
import { runReviewJob } from './job.ts';
import { addDays, addMonths } from './dates.ts';
import { collectCaseSummary } from './summary.ts';

/**
 * Closure and re-review at HTTP level: a proposal must say what happens to every open
 * intervention and give every goal of the approved plan a status (else 400 and nothing stored);
 * a coordinator approves (others 403, stale case version 409), which closes the case, ends its
 * interventions, cancels follow-ups and offers and schedules re-reviews at +6/+12 months; the job
 * (with a controllable clock) moves the case to re-review and notifies once; a re-review
 * confirms (with the effect-goal outcomes) or reopens. The case summary PDF is audited and
 * leaves the compartment out for a reader without it.
 */
let t: TestApp;
let coordinator: TestUser;
let coordinator2: TestUser;
let forum: TestUser;
let member: TestUser;
let mentor: TestUser;
let outsider: TestUser;
let person: { id: string; name: string };
let sister: { id: string; name: string };
let typeId: string;
let unit: { id: string; name: string };
let foreignUnit: { id: string; name: string };
const as: Record<string, Client> = {};
const SECRET_JUDGEMENT = 'Hemmelig-samlet-vurdering-af-bekymringen';
const GOAL_A = randomUUID();
const GOAL_B = randomUUID();

function caller(name: string): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}
const fieldsOf = (res: { json(): unknown }) =>
  (
    (res.json() as { error: { fields?: { field: string; code: string }[] } }).error.fields ?? []
  ).map((f) => `${f.field}:${f.code}`);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  coordinator2 = await createUser(db, { roles: ['coordinator'] });
  forum = await createUser(db, { roles: ['forum_member'] });
  member = await createUser(db, { roles: ['caseworker'] });
  mentor = await createUser(db, { roles: ['mentor'] });
  outsider = await createUser(db, { roles: ['caseworker'] });
  person = await createPerson(db, { givenName: 'Ali', familyName: 'Testesen' });
  sister = await createPerson(db, { givenName: 'Sara', familyName: 'Testesen' });
  unit = await createUnit(db, { name: 'Børne- og ungeenheden' });
  foreignUnit = await createUnit(db, { municipalityCode: '147', name: 'Fremmed enhed' });
  const type = await db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: `mentor_${process.pid}`,
      name: 'Mentorforløb',
      level: 'anticipating',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  typeId = type.id;
  for (const [name, user] of Object.entries({
    coordinator,
    coordinator2,
    forum,
    member,
    mentor,
    outsider,
  })) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

/** A case with an approved plan (two goals), two open interventions, a follow-up and offers. */
async function richCase() {
  const db = t.database.db;
  const c = await createCase(db, {
    persons: [{ id: person.id }, { id: sister.id, role: 'younger_sibling' }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: coordinator2.id, role: 'coordinator' },
      { userId: forum.id, role: 'forum' },
      { userId: member.id, role: 'member' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  await db
    .insertInto('case_plans')
    .values({
      case_id: c.id,
      number: 1,
      status: 'approved',
      purpose: 'Fastholde skolegang',
      goals: JSON.stringify([
        { key: GOAL_A, parentKey: null, text: 'Går i skole hver dag', status: 'in_progress' },
        { key: GOAL_B, parentKey: GOAL_A, text: 'Møder sin mentor', status: 'achieved' },
      ]),
      agreements: JSON.stringify(['Ringer hvis han bliver syg']),
      created_by: coordinator.id,
    })
    .execute();
  const interventions = await db
    .insertInto('case_interventions')
    .values([
      {
        case_id: c.id,
        intervention_type_id: typeId,
        person_id: person.id,
        provider_user_id: mentor.id,
        status: 'active',
        starts_on: '2025-01-01',
        created_by: coordinator.id,
      },
      {
        case_id: c.id,
        intervention_type_id: typeId,
        person_id: sister.id,
        status: 'planned',
        created_by: coordinator.id,
      },
    ])
    .returning('id')
    .execute();
  const [a, b] = interventions.map((i) => i.id) as [string, string];
  await db
    .insertInto('case_follow_ups')
    .values({ case_id: c.id, due_on: addDays(danishToday(new Date()), 14) })
    .execute();
  const first = await db
    .insertInto('case_offers')
    .values({
      case_id: c.id,
      person_id: person.id,
      kind: 'mentor',
      status: 'declined',
      offered_on: '2025-01-01',
      answered_on: '2025-01-02',
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_offers')
    .values({
      case_id: c.id,
      person_id: person.id,
      kind: 'mentor',
      round: 2,
      first_offer_id: first.id,
      status: 'scheduled',
      due_on: addDays(danishToday(new Date()), 30),
      created_by: coordinator.id,
    })
    .execute();
  return { ...c, interventions: [a, b] as const };
}

type Rich = Awaited<ReturnType<typeof richCase>>;

function proposal(c: Rich, extra: Record<string, unknown> = {}) {
  return {
    outcome: 'transferred',
    transferredUnitId: unit.id,
    reason: 'Borgeren trives, skolegangen er stabil, og familien har fået støtte.',
    goalStatuses: [
      { goalKey: GOAL_A, status: 'achieved' },
      { goalKey: GOAL_B, status: 'partly_achieved' },
    ],
    interventionDispositions: [
      { interventionId: c.interventions[0], disposition: 'continue_outside' },
      { interventionId: c.interventions[1], disposition: 'end' },
    ],
    ...extra,
  };
}

async function closureCount(caseId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_closures')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.length;
}
async function caseRow(caseId: string) {
  return t.database.db
    .selectFrom('cases')
    .select(['status', 'version', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}
async function eventKinds(caseId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.kind);
}

describe(`closure and re-review (${testEngine})`, () => {
  it('refuses a proposal that leaves open interventions without a disposition: 400, nothing stored', async () => {
    const c = await richCase();
    const res = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, {
        interventionDispositions: [{ interventionId: c.interventions[0], disposition: 'end' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain('body.interventionDispositions:open_interventions');
    expect(await closureCount(c.id)).toBe(0);
    expect(await eventKinds(c.id)).toEqual([]);
  });

  it('refuses a missing or unknown goal status, and outcome details that do not fit', async () => {
    const c = await richCase();
    const missing = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, { goalStatuses: [{ goalKey: GOAL_A, status: 'achieved' }] }),
    );
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.goalStatuses:goal_status_missing']);
    const unknown = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, {
        goalStatuses: [
          { goalKey: GOAL_A, status: 'achieved' },
          { goalKey: GOAL_B, status: 'achieved' },
          { goalKey: randomUUID(), status: 'achieved' },
        ],
      }),
    );
    expect(fieldsOf(unknown)).toEqual(['body.goalStatuses.2.goalKey:unknown_goal']);
    const noUnit = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, { transferredUnitId: null }),
    );
    expect(fieldsOf(noUnit)).toEqual(['body.transferredUnitId:required']);
    const foreign = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, { transferredUnitId: foreignUnit.id }),
    );
    expect(fieldsOf(foreign)).toEqual(['body.transferredUnitId:unit_not_in_case_municipality']);
    const other = await caller('member').post(
      `/api/cases/${c.id}/closure`,
      proposal(c, { outcome: 'other', transferredUnitId: null }),
    );
    expect(fieldsOf(other)).toEqual(['body.outcomeOther:required']);
    expect(await closureCount(c.id)).toBe(0);
  });

  it('who may propose: not a mentor (403), not an outsider (404)', async () => {
    const c = await richCase();
    expect(
      (await caller('mentor').post(`/api/cases/${c.id}/closure`, proposal(c))).statusCode,
    ).toBe(403);
    expect(
      (await caller('outsider').post(`/api/cases/${c.id}/closure`, proposal(c))).statusCode,
    ).toBe(404);
    expect((await caller('mentor').get(`/api/cases/${c.id}/closure`)).statusCode).toBe(403);
    expect((await caller('outsider').get(`/api/cases/${c.id}/closure`)).statusCode).toBe(404);
    expect(await closureCount(c.id)).toBe(0);
  });

  it('proposes once (idempotent by id, 409 for a second), notifies the other coordinators', async () => {
    const c = await richCase();
    const id = randomUUID();
    const res = await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c, { id }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id, status: 'proposed' });
    const again = await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c, { id }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id, status: 'proposed' });
    const second = await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c));
    expect(second.statusCode).toBe(409);
    expect(await closureCount(c.id)).toBe(1);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('case_id', '=', c.id)
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([coordinator.id, coordinator2.id].sort());
    expect(new Set(notes.map((n) => n.kind))).toEqual(new Set(['closure_awaiting_approval']));
    expect(await eventKinds(c.id)).toEqual(['closure_proposed']);

    const overview = await caller('forum').get(`/api/cases/${c.id}/closure`);
    expect(overview.statusCode).toBe(200);
    const body = overview.json() as {
      closures: {
        id: string;
        transferredUnit: { name: string };
        goalStatuses: { text: string; status: string }[];
        interventionDispositions: { typeName: string; personName: string; disposition: string }[];
      }[];
      openInterventions: unknown[];
      goals: { key: string; text: string }[];
      units: { id: string }[];
    };
    expect(body.closures[0]).toMatchObject({
      id,
      transferredUnit: { name: unit.name },
      goalStatuses: [
        { text: 'Går i skole hver dag', status: 'achieved' },
        { text: 'Møder sin mentor', status: 'partly_achieved' },
      ],
      interventionDispositions: [
        { typeName: 'Mentorforløb', personName: person.name, disposition: 'continue_outside' },
        { typeName: 'Mentorforløb', personName: sister.name, disposition: 'end' },
      ],
    });
    expect(body.openInterventions).toHaveLength(2);
    expect(body.goals.map((g) => g.key)).toEqual([GOAL_A, GOAL_B]);
    expect(body.units.map((u) => u.id)).toContain(unit.id);
    expect(body.units.map((u) => u.id)).not.toContain(foreignUnit.id);
    const audit = await auditRowsOf(t.database.db, overview);
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([person.id, sister.id].sort());
  });

  it('approval: coordinators only (403), stale case version 409; then the case closes in one go', async () => {
    const c = await richCase();
    const res = await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c));
    const { id } = res.json() as { id: string };
    const { version } = await caseRow(c.id);

    const byMember = await caller('member').post(`/api/cases/${c.id}/closure/${id}/approve`, {
      caseVersion: version,
    });
    expect(byMember.statusCode).toBe(403);
    const byForum = await caller('forum').post(`/api/cases/${c.id}/closure/${id}/approve`, {
      caseVersion: version,
    });
    expect(byForum.statusCode).toBe(403);
    const stale = await caller('coordinator').post(`/api/cases/${c.id}/closure/${id}/approve`, {
      caseVersion: version - 1 || 99,
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { meta: unknown } }).error.meta).toEqual({
      currentVersion: version,
    });
    expect((await caseRow(c.id)).status).toBe('active');

    const ok = await caller('coordinator').post(`/api/cases/${c.id}/closure/${id}/approve`, {
      caseVersion: version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ version: version + 1 });
    const db = t.database.db;
    const row = await caseRow(c.id);
    expect(row.status).toBe('closed');
    expect(row.closed_at).not.toBeNull();
    const today = danishToday(new Date());
    const interventions = await db
      .selectFrom('case_interventions')
      .select(['id', 'status', 'ends_on'])
      .where('case_id', '=', c.id)
      .execute();
    expect(
      interventions
        .map((i) => ({ id: i.id, status: i.status, ends_on: i.ends_on }))
        .sort((a, b) => (a.id === c.interventions[0] ? -1 : b.id === c.interventions[0] ? 1 : 0)),
    ).toEqual([
      { id: c.interventions[0], status: 'ended', ends_on: today },
      { id: c.interventions[1], status: 'cancelled', ends_on: today },
    ]);
    const followUps = await db
      .selectFrom('case_follow_ups')
      .select('status')
      .where('case_id', '=', c.id)
      .execute();
    expect(followUps.map((f) => f.status)).toEqual(['cancelled']);
    const offers = await db
      .selectFrom('case_offers')
      .select(['round', 'status'])
      .where('case_id', '=', c.id)
      .orderBy('round')
      .execute();
    expect(offers.map((o) => o.status)).toEqual(['declined', 'cancelled']);
    const reviews = await db
      .selectFrom('case_reviews')
      .select(['months', 'due_on', 'status', 'closure_id'])
      .where('case_id', '=', c.id)
      .orderBy('months')
      .execute();
    expect(reviews).toEqual([
      { months: 6, due_on: addMonths(today, 6), status: 'scheduled', closure_id: id },
      { months: 12, due_on: addMonths(today, 12), status: 'scheduled', closure_id: id },
    ]);
    const closure = await db
      .selectFrom('case_closures')
      .select(['status', 'decided_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(closure).toEqual({ status: 'approved', decided_by: coordinator.id });
    expect(await eventKinds(c.id)).toEqual(['closure_proposed', 'closure_approved']);
    const audit = await auditRowsOf(db, ok);
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([person.id, sister.id].sort());
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Borgeren trives');

    // A closed case takes no new proposal.
    const more = await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c));
    expect(fieldsOf(more)).toEqual(['case.status:case_closed']);
  });

  it('a proposal sent back needs a comment and lets a new one be made', async () => {
    const c = await richCase();
    const { id } = (
      await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c))
    ).json() as { id: string };
    const noComment = await caller('coordinator').post(
      `/api/cases/${c.id}/closure/${id}/reject`,
      {},
    );
    expect(noComment.statusCode).toBe(400);
    expect(
      (
        await caller('member').post(`/api/cases/${c.id}/closure/${id}/reject`, {
          comment: 'Nej',
        })
      ).statusCode,
    ).toBe(403);
    const res = await caller('coordinator').post(`/api/cases/${c.id}/closure/${id}/reject`, {
      comment: 'Mål B mangler en vurdering fra skolen.',
    });
    expect(res.statusCode).toBe(204);
    const twice = await caller('coordinator').post(`/api/cases/${c.id}/closure/${id}/reject`, {
      comment: 'Igen',
    });
    expect(fieldsOf(twice)).toEqual(['closure.status:closure_not_proposed']);
    expect(
      (await caller('member').post(`/api/cases/${c.id}/closure`, proposal(c))).statusCode,
    ).toBe(201);
    expect(await eventKinds(c.id)).toEqual([
      'closure_proposed',
      'closure_rejected',
      'closure_proposed',
    ]);
  });

  it('the job moves a closed case to re-review when due, notifies once, never twice; a review confirms', async () => {
    const db = t.database.db;
    const c = await richCase();
    const { id } = (
      await caller('coordinator').post(`/api/cases/${c.id}/closure`, proposal(c))
    ).json() as { id: string };
    const { version } = await caseRow(c.id);
    expect(
      (
        await caller('coordinator').post(`/api/cases/${c.id}/closure/${id}/approve`, {
          caseVersion: version,
        })
      ).statusCode,
    ).toBe(200);
    const six = await db
      .selectFrom('case_reviews')
      .select(['id', 'due_on', 'version'])
      .where('case_id', '=', c.id)
      .where('months', '=', 6)
      .executeTakeFirstOrThrow();
    const reviewNotes = async () =>
      db
        .selectFrom('notifications')
        .select(['user_id', 'details'])
        .where('case_id', '=', c.id)
        .where('kind', '=', 'review_due')
        .execute();

    // Noon in Denmark the day before, and on the day it is due.
    const dayBefore = new Date(`${addDays(six.due_on, -1)}T10:00:00Z`);
    const dueDay = new Date(`${six.due_on}T10:00:00Z`);
    await runReviewJob(db, dayBefore);
    expect((await caseRow(c.id)).status).toBe('closed');
    expect(await reviewNotes()).toEqual([]);

    expect(await runReviewJob(db, dueDay)).toBeGreaterThanOrEqual(1);
    expect((await caseRow(c.id)).status).toBe('under_review');
    const notes = await reviewNotes();
    expect(notes.map((n) => n.user_id).sort()).toEqual([coordinator.id, coordinator2.id].sort());
    expect(notes[0]?.details).toEqual({ reviewId: six.id });
    const statusEvent = await db
      .selectFrom('case_events')
      .select(['actor_user_id', 'changes'])
      .where('case_id', '=', c.id)
      .where('kind', '=', 'status_changed')
      .executeTakeFirstOrThrow();
    expect(statusEvent).toEqual({
      actor_user_id: null,
      changes: { status: { from: 'closed', to: 'under_review' } },
    });

    await runReviewJob(db, dueDay);
    await runReviewJob(db, new Date(dueDay.getTime() + 86_400_000));
    expect(await reviewNotes()).toHaveLength(2);

    // Record it "today": move the review's date to today so the real clock fits.
    const today = danishToday(new Date());
    await db.updateTable('case_reviews').set({ due_on: today }).where('id', '=', six.id).execute();
    const url = `/api/cases/${c.id}/reviews/${six.id}`;
    const base = { version: six.version, decision: 'confirm', heldOn: today };
    expect((await caller('member').post(url, { ...base, noLongerAtRisk: true })).statusCode).toBe(
      403,
    );
    const missing = await caller('coordinator').post(url, base);
    expect(fieldsOf(missing)).toEqual(['body.noLongerAtRisk:required']);
    const future = await caller('coordinator').post(url, {
      ...base,
      heldOn: addDays(today, 1),
      noLongerAtRisk: true,
    });
    expect(fieldsOf(future)).toEqual(['body.heldOn:in_future']);
    const early = await caller('coordinator').post(url, {
      ...base,
      heldOn: addDays(today, -31),
      noLongerAtRisk: true,
    });
    expect(fieldsOf(early)).toEqual(['body.heldOn:review_too_early']);
    const stale = await caller('coordinator').post(url, {
      ...base,
      version: six.version + 5,
      noLongerAtRisk: true,
    });
    expect(stale.statusCode).toBe(409);

    const ok = await caller('coordinator').post(url, { ...base, noLongerAtRisk: true });
    expect(ok.statusCode).toBe(200);
    expect((await caseRow(c.id)).status).toBe('closed');
    const review = await db
      .selectFrom('case_reviews')
      .select(['status', 'held_on', 'no_longer_at_risk', 'in_education_or_work', 'decided_by'])
      .where('id', '=', six.id)
      .executeTakeFirstOrThrow();
    expect(review).toEqual({
      status: 'confirmed',
      held_on: today,
      no_longer_at_risk: true,
      in_education_or_work: null,
      decided_by: coordinator.id,
    });
    const again = await caller('coordinator').post(url, {
      ...base,
      version: six.version + 1,
      noLongerAtRisk: true,
    });
    expect(fieldsOf(again)).toEqual(['review.status:review_not_scheduled']);
    expect((await eventKinds(c.id)).slice(-1)).toEqual(['review_recorded']);
  });

  it('a re-review reopens the case with a reason and cancels the other one', async () => {
    const db = t.database.db;
    const c = await richCase();
    const { id } = (
      await caller('coordinator').post(`/api/cases/${c.id}/closure`, proposal(c))
    ).json() as { id: string };
    const { version } = await caseRow(c.id);
    await caller('coordinator2').post(`/api/cases/${c.id}/closure/${id}/approve`, {
      caseVersion: version,
    });
    const today = danishToday(new Date());
    const twelve = await db
      .selectFrom('case_reviews')
      .select(['id', 'version'])
      .where('case_id', '=', c.id)
      .where('months', '=', 12)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('case_reviews')
      .set({ due_on: today })
      .where('id', '=', twelve.id)
      .execute();
    const url = `/api/cases/${c.id}/reviews/${twelve.id}`;
    const noReason = await caller('coordinator').post(url, {
      version: twelve.version,
      decision: 'reopen',
      heldOn: today,
    });
    expect(fieldsOf(noReason).sort()).toEqual(
      ['body.inEducationOrWork:required', 'body.reason:required'].sort(),
    );
    const ok = await caller('coordinator').post(url, {
      version: twelve.version,
      decision: 'reopen',
      heldOn: today,
      reason: 'Ny henvendelse fra skolen om bekymrende adfærd.',
      inEducationOrWork: false,
    });
    expect(ok.statusCode).toBe(200);
    const row = await caseRow(c.id);
    expect(row.status).toBe('active');
    expect(row.closed_at).toBeNull();
    const reviews = await db
      .selectFrom('case_reviews')
      .select(['months', 'status', 'in_education_or_work'])
      .where('case_id', '=', c.id)
      .orderBy('months')
      .execute();
    expect(reviews).toEqual([
      { months: 6, status: 'cancelled', in_education_or_work: null },
      { months: 12, status: 'reopened', in_education_or_work: false },
    ]);
    expect((await eventKinds(c.id)).slice(-2)).toEqual(['review_recorded', 'reopened']);
  });

  it('the summary PDF: audited, full scope only, and without the compartment for a plain member', async () => {
    const db = t.database.db;
    const c = await richCase();
    await db
      .insertInto('case_assessments')
      .values({
        case_id: c.id,
        number: 1,
        status: 'final',
        overall_judgement: SECRET_JUDGEMENT,
        concern_level: 'moderate',
        created_by: coordinator.id,
        finalised_by: coordinator.id,
        finalised_at: new Date(),
      })
      .execute();
    await db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        actor_user_id: coordinator.id,
        kind: 'note',
        changes: '{}',
        note_text: 'Fortroligt-notat-om-bekymringen',
        compartment: true,
      })
      .execute();
    await db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        actor_user_id: member.id,
        kind: 'note',
        changes: '{}',
        note_text: 'Almindeligt notat',
        compartment: false,
      })
      .execute();

    const res = await caller('member').get(`/api/cases/${c.id}/summary.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="sagsresume-${c.reference}.pdf"`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audit = await auditRowsOf(db, res);
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([person.id, sister.id].sort());
    expect(audit[0]?.details).toMatchObject({ read: 'case_summary_pdf', compartment: false });
    expect((await caller('mentor').get(`/api/cases/${c.id}/summary.pdf`)).statusCode).toBe(403);
    expect((await caller('outsider').get(`/api/cases/${c.id}/summary.pdf`)).statusCode).toBe(404);
    const english = await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`, {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(200);

    // What goes into the document, for both readers.
    const user = (u: TestUser, roles: CurrentUser['roles']): CurrentUser => ({
      id: u.id,
      username: u.username,
      displayName: 'x',
      roles,
      municipalityCode: '101',
      policeDistrictId: null,
      unitIds: [],
      totpEnabled: true,
    });
    const memberAccess = await findCaseAccess(db, user(member, ['caseworker']), c.id);
    const coordinatorAccess = await findCaseAccess(db, user(coordinator, ['coordinator']), c.id);
    if (!memberAccess || !coordinatorAccess) throw new Error('no access');
    expect(memberAccess.compartment).toBe(false);
    const plain = await collectCaseSummary(db, memberAccess);
    const full = await collectCaseSummary(db, coordinatorAccess);
    expect(plain?.compartment).toBeNull();
    expect(JSON.stringify(plain)).not.toContain(SECRET_JUDGEMENT);
    expect(JSON.stringify(plain)).not.toContain('Fortroligt-notat');
    expect(JSON.stringify(plain)).not.toContain('højreekstremistisk');
    expect(plain?.events.map((e) => e.noteText)).toEqual(['Almindeligt notat']);
    expect(full?.compartment).toMatchObject({
      extremismForm: 'right_wing',
      assessment: { overallJudgement: SECRET_JUDGEMENT },
    });
    expect(full?.events.map((e) => e.noteText)).toEqual([
      'Fortroligt-notat-om-bekymringen',
      'Almindeligt notat',
    ]);
    expect(full?.persons.map((p) => p.name).sort()).toEqual([person.name, sister.name].sort());
    expect(full?.plan?.goals.map((g) => g.text)).toEqual([
      'Går i skole hver dag',
      'Møder sin mentor',
    ]);
    expect(full?.interventions).toHaveLength(2);
  });

  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2025-11-30', 6)).toBe('2026-05-30');
  });
});
