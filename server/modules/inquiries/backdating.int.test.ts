import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { deadlineAfter } from './deadline.ts';

/**
 * Back-dated inquiries (issue 12): one received more than a day before it is registered needs a
 * reason (else 400 with a Danish message on the field, nothing stored); it is stored with the
 * reason next to when it was registered, and its triage clock counts from the registration, so
 * it is not overdue the moment it is recorded (docs/INQUIRIES.md, "Back-dated inquiries").
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
