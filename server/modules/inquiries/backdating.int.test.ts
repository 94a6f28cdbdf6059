import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { deadlineAfter } from './deadline.ts';

/**
 * Back-dated inquiries (issue 12): one received more than a day before it is registered needs a
 * reason (else 400 with a Danish message on the field, nothing stored); it is stored with the
 * reason next to when it was registered, and its triage clock counts from the registration, so
 * it is not overdue the moment it is recorded (docs/INQUIRIES.md, "Back-dated inquiries"). A
 * decision taken before it is registered keeps its day the same way (below).
 */

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(users, await createUsers(t.database.db, { coordinator: 'coordinator' }));
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const coordinator = () => callerIn(as, 'coordinator');
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * HOUR).toISOString();

const intake = (overrides: Record<string, unknown> = {}) => ({
  source: 'teacher',
  channel: 'letter',
  reporter: { anonymous: false, name: 'Skoleleder Demo', contact: '12345678' },
  receivedAt: daysAgo(10),
  observation: 'Eleven har gennem flere måneder delt voldsforherligende materiale med klassen.',
  subjectKind: 'person',
  persons: [{ new: { givenName: 'Maja', familyName: 'Papirsen' } }],
  signs: [{ code: 'extremist_media', note: null }],
  ...overrides,
});

const post = (body: unknown) =>
  coordinator().post('/api/inquiries', body, { 'idempotency-key': `k-${randomUUID()}` });

async function counts() {
  const { rows } = await sql<{ inquiries: number; persons: number; events: number }>`
    select (select count(*) from inquiries)::int as inquiries,
           (select count(*) from persons)::int as persons,
           (select count(*) from inquiry_events)::int as events`.execute(t.database.db);
  return rows[0];
}

interface Detail {
  version: number;
  now: string | null;
  receivedAt: string;
  registeredAt: string;
  backdateReason: string | null;
  backdateNote: string | null;
  deadlineAt: string;
  overdue: boolean;
}

async function detail(id: string): Promise<Detail> {
  const res = await coordinator().get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

describe(`back-dated inquiries (${testEngine})`, () => {
  it('refuses a receipt more than a day before the registration without a reason, storing nothing', async () => {
    const before = await counts();
    const res = await post(intake());
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.backdateReason:backdate_reason_required']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message;
    expect(message).toMatch(/^Datoen ligger før sagen eller henvendelsen blev registreret her/);
    const other = await post(intake({ backdateReason: 'other', backdateNote: '  ' }));
    expect(fieldsOf(other)).toEqual(['body.backdateNote:backdate_note_required']);
    expect(await counts()).toEqual(before);
  });

  it('needs no reason for a receipt within a day of the registration, and counts from it', async () => {
    const receivedAt = new Date(Date.now() - 20 * HOUR).toISOString();
    const res = await post(intake({ receivedAt }));
    expect(res.statusCode, res.body).toBe(201);
    const { id, deadlineAt } = res.json() as { id: string; deadlineAt: string };
    expect(deadlineAt).toBe(deadlineAfter(new Date(receivedAt), 24).toISOString());
    expect((await detail(id)).backdateReason).toBeNull();
  });

  it('stores a back-dated inquiry with its reason and counts the deadline from the registration', async () => {
    const receivedAt = daysAgo(10);
    const res = await post(
      intake({ receivedAt, backdateReason: 'other', backdateNote: 'Lå i en forkert postkasse' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const shown = await detail(id);
    expect(shown).toMatchObject({
      receivedAt,
      backdateReason: 'other',
      backdateNote: 'Lå i en forkert postkasse',
      overdue: false,
    });
    const registered = new Date(shown.registeredAt);
    expect(Date.now() - registered.getTime()).toBeLessThan(HOUR);
    expect(shown.deadlineAt).toBe(deadlineAfter(registered, 24).toISOString());

    const inbox = await coordinator().get('/api/inquiries?status=all');
    const item = (
      inbox.json() as {
        items: { id: string; registeredAt: string; backdateReason: string; overdue: boolean }[];
      }
    ).items.find((i) => i.id === id);
    expect(item).toMatchObject({
      registeredAt: shown.registeredAt,
      backdateReason: 'other',
      overdue: false,
    });

    const triaged = await coordinator().post(`/api/inquiries/${id}/triage`, {
      version: shown.version,
      seriousness: 'low',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    expect((await detail(id)).deadlineAt).toBe(deadlineAfter(registered, 72).toISOString());
  });

  it('refuses moving the receipt of a recorded inquiry back without a reason, and keeps it', async () => {
    const res = await post(intake({ receivedAt: new Date(Date.now() - HOUR).toISOString() }));
    const { id } = res.json() as { id: string };
    const before = await detail(id);
    const refused = await coordinator().patch(`/api/inquiries/${id}`, {
      version: before.version,
      receivedAt: daysAgo(5),
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.backdateReason:backdate_reason_required']);
    expect({ ...(await detail(id)), now: null }).toEqual({ ...before, now: null });

    const moved = await coordinator().patch(`/api/inquiries/${id}`, {
      version: before.version,
      receivedAt: daysAgo(5),
      backdateReason: 'moved_from_paper',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await detail(id);
    expect(after.backdateReason).toBe('moved_from_paper');
    expect(after.deadlineAt).toBe(deadlineAfter(new Date(after.registeredAt), 24).toISOString());
  });
});

/**
 * A decision recorded after it was taken: its day may lie before the registration with a reason
 * (else 400 on the field, nothing stored), never before the inquiry was received nor in the
 * future; it is stored with both dates, and the case it opens has its "opened" event dated to
 * that day, recorded today.
 */
interface Decision {
  decidedAt: string;
  decidedOn: string | null;
  backdateReason: string | null;
  caseId: string | null;
}
interface ChronologyItem {
  kind: string;
  occurredAt: string;
  happenedOn: string | null;
  backdateReason: string | null;
}

/** An inquiry received ten days ago on paper and registered today. */
async function paperInquiry(): Promise<string> {
  const res = await post(intake({ backdateReason: 'moved_from_paper' }));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const dayAgo = (days: number) => danishToday(new Date(Date.now() - days * 24 * HOUR));

async function decide(id: string, extra: Record<string, unknown>) {
  const { version } = (await coordinator().get(`/api/inquiries/${id}`)).json() as {
    version: number;
  };
  return coordinator().post(`/api/inquiries/${id}/decision`, {
    version,
    outcome: 'radicalisation',
    reason: 'Besluttet på mødet i SSP-forummet; registreres nu.',
    classification: { subjectKind: 'person', extremismForm: 'right_wing' },
    ...extra,
  });
}

async function decisionCounts() {
  const { rows } = await sql<{ decisions: number; cases: number; events: number }>`
    select (select count(*) from inquiry_decisions)::int as decisions,
           (select count(*) from cases)::int as cases,
           (select count(*) from inquiry_events)::int as events`.execute(t.database.db);
  return rows[0];
}

const messageOf = (res: { json(): unknown }) =>
  (res.json() as ErrorBody).error.fields?.[0]?.message ?? '';

describe(`a back-dated decision (${testEngine})`, () => {
  it('refuses a day before the registration without a reason, storing nothing', async () => {
    const id = await paperInquiry();
    const before = await decisionCounts();
    const res = await decide(id, { decidedOn: dayAgo(5) });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.backdateReason:backdate_reason_required']);
    expect(messageOf(res)).toMatch(/^Datoen ligger før sagen eller henvendelsen blev registreret/);
    const other = await decide(id, { decidedOn: dayAgo(5), backdateReason: 'other' });
    expect(fieldsOf(other)).toEqual(['body.backdateNote:backdate_note_required']);
    expect(await decisionCounts()).toEqual(before);
  });

  it('refuses a day before the inquiry was received, or in the future, storing nothing', async () => {
    const id = await paperInquiry();
    const before = await decisionCounts();
    const early = await decide(id, { decidedOn: dayAgo(12), backdateReason: 'registered_late' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.decidedOn:before_concern_received']);
    expect(messageOf(early)).toMatch(/^Datoen kan ikke ligge før den dag, henvendelsen/);
    const future = await decide(id, { decidedOn: dayAgo(-2) });
    expect(fieldsOf(future)).toEqual(['body.decidedOn:in_future']);
    expect(await decisionCounts()).toEqual(before);
  });

  it('stores both dates with the reason, and dates the case\'s "opened" event to the decision', async () => {
    const id = await paperInquiry();
    const day = dayAgo(4);
    const res = await decide(id, { decidedOn: day, backdateReason: 'registered_late' });
    expect(res.statusCode, res.body).toBe(200);
    const [made] = (res.json() as { decisions: Decision[] }).decisions;
    expect(made).toMatchObject({ decidedOn: day, backdateReason: 'registered_late' });
    expect(danishToday(new Date(made?.decidedAt ?? ''))).toBe(danishToday(new Date()));
    const stored = await t.database.db
      .selectFrom('inquiry_decisions')
      .select(['decided_on', 'backdate_reason', 'backdate_note', 'decided_at'])
      .where('inquiry_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      decided_on: day,
      backdate_reason: 'registered_late',
      backdate_note: null,
    });

    const page = await coordinator().get(`/api/cases/${made?.caseId}/chronology`);
    expect(page.statusCode, page.body).toBe(200);
    const [opened] = (page.json() as { items: ChronologyItem[] }).items;
    expect(opened).toMatchObject({
      kind: 'opened',
      happenedOn: day,
      backdateReason: 'registered_late',
    });
    expect(danishToday(new Date(opened?.occurredAt ?? ''))).toBe(danishToday(new Date()));
  });

  it('keeps a decision dated today as an ordinary one (no day, no reason stored)', async () => {
    const id = await paperInquiry();
    const res = await decide(id, {
      decidedOn: danishToday(new Date()),
      backdateReason: 'registered_late',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [made] = (res.json() as { decisions: Decision[] }).decisions;
    expect(made).toMatchObject({ decidedOn: null, backdateReason: null });
  });
});
