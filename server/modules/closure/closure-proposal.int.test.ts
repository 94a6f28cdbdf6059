import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import { addMonths } from './dates.ts';
import {
  t,
  coordinator,
  coordinator2,
  person,
  sister,
  unit,
  foreignUnit,
  GOAL_A,
  GOAL_B,
  caller,
  fieldsOf,
  richCase,
  proposal,
  closureCount,
  caseRow,
  eventKinds,
  useClosureFixtures,
} from './closure.fixtures.ts';

useClosureFixtures();

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
    const nextDue = () =>
      t.database.db
        .selectFrom('cases')
        .select('next_follow_up_due')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
    expect((await nextDue()).next_follow_up_due).not.toBeNull();

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
    // The case no longer has a next follow-up (0030): the overview shows none, none overdue.
    expect((await nextDue()).next_follow_up_due).toBeNull();
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
});
