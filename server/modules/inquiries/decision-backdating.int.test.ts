import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';

/**
 * A decision recorded after it was taken (issue 12, "Recording history"): its day may lie before
 * the registration with a reason (else 400 on the field, nothing stored), never before the
 * inquiry was received nor in the future; it is stored with both dates, and the case it opens
 * has its "opened" event dated to that day, recorded today.
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

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const DAY = 24 * 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(users, await createUsers(t.database.db, { coordinator: 'coordinator' }));
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const coordinator = () => callerIn(as, 'coordinator');
const dayAgo = (days: number) => danishToday(new Date(Date.now() - days * DAY));

/** An inquiry received ten days ago on paper and registered today. */
async function paperInquiry(): Promise<string> {
  const res = await coordinator().post(
    '/api/inquiries',
    {
      source: 'teacher',
      channel: 'letter',
      reporter: { anonymous: false, name: 'Skoleleder Demo', contact: '12345678' },
      receivedAt: new Date(Date.now() - 10 * DAY).toISOString(),
      backdateReason: 'moved_from_paper',
      observation: 'Eleven deler voldsforherligende materiale og taler om at rejse ud.',
      subjectKind: 'person',
      persons: [{ new: { givenName: 'Sara', familyName: 'Papirsen' } }],
      signs: [{ code: 'extremist_media', note: null }],
    },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

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

async function counts() {
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
    const before = await counts();
    const res = await decide(id, { decidedOn: dayAgo(5) });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.backdateReason:backdate_reason_required']);
    expect(messageOf(res)).toMatch(/^Datoen ligger før sagen eller henvendelsen blev registreret/);
    const other = await decide(id, { decidedOn: dayAgo(5), backdateReason: 'other' });
    expect(fieldsOf(other)).toEqual(['body.backdateNote:backdate_note_required']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a day before the inquiry was received, or in the future, storing nothing', async () => {
    const id = await paperInquiry();
    const before = await counts();
    const early = await decide(id, { decidedOn: dayAgo(12), backdateReason: 'registered_late' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.decidedOn:before_concern_received']);
    expect(messageOf(early)).toMatch(/^Datoen kan ikke ligge før den dag, henvendelsen/);
    const future = await decide(id, { decidedOn: dayAgo(-2) });
    expect(fieldsOf(future)).toEqual(['body.decidedOn:in_future']);
    expect(await counts()).toEqual(before);
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
