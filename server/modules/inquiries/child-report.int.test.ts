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
 * Reports about children (underretninger efter Barnets lov, issue 12): an inquiry about a child
 * under 18 from a professional may be marked as a report (an adult, or a citizen as source, is
 * refused with a Danish message on the field and nothing stored); the 24-hour clock for the
 * assessment of immediate help runs from the receipt; the assessment is recorded once; the
 * acknowledgement to the professional is recorded once, however often it is sent, and printed
 * without the child or the concern.
 */

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(
    users,
    await createUsers(t.database.db, { coordinator: 'coordinator', forum: 'forum_member' }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const coordinator = () => callerIn(as, 'coordinator');
const yearsAgo = (years: number) => {
  const d = new Date();
  return `${d.getUTCFullYear() - years}-01-15`;
};

async function record(overrides: Record<string, unknown> = {}, birthDate = yearsAgo(14)) {
  const res = await coordinator().post(
    '/api/inquiries',
    {
      source: 'teacher',
      channel: 'email',
      reporter: { anonymous: false, name: 'Skoleleder Demo', contact: 'skole@demo.invalid' },
      receivedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      observation: 'Eleven har delt voldsforherligende materiale med klassen.',
      subjectKind: 'person',
      persons: [{ new: { givenName: 'Ali', familyName: 'Skolesen', birthDate } }],
      signs: [],
      ...overrides,
    },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

interface Detail {
  version: number;
  receivedAt: string;
  immediateHelpNote?: string | null;
  childReport: {
    marked: boolean;
    eligible: boolean;
    mayRecord: boolean;
    markedBy: string | null;
    immediateHelp: {
      deadlineAt: string | null;
      state: string;
      needed: boolean | null;
      assessedBy: string | null;
      provision: { section: string; confirmed: boolean } | null;
    };
    acknowledgement: {
      dueAt: string | null;
      state: string;
      sentAt: string | null;
      sentTo: string | null;
      possible: boolean;
    };
  };
}

async function detail(id: string, who = coordinator()): Promise<Detail> {
  const res = await who.get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

async function stored(id: string) {
  const { rows } = await sql<{ child_report: boolean; version: number; events: number }>`
    select i.child_report, i.version,
           (select count(*) from inquiry_events e where e.inquiry_id = i.id)::int as events
      from inquiries i where i.id = ${id}`.execute(t.database.db);
  return rows[0];
}

const mark = async (id: string) =>
  coordinator().post(`/api/inquiries/${id}/child-report`, {
    childReport: true,
    version: (await detail(id)).version,
  });

describe(`reports about children (${testEngine})`, () => {
  it('suggests and marks a school report about a 14-year-old, with the 24-hour clock from the receipt', async () => {
    const id = await record();
    const before = await detail(id);
    expect(before.childReport).toMatchObject({ marked: false, eligible: true, mayRecord: true });

    const res = await mark(id);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Detail;
    expect(after.childReport.marked).toBe(true);
    expect(after.childReport.markedBy).not.toBeNull();
    const help = after.childReport.immediateHelp;
    expect(help.state).toBe('pending');
    expect(help.deadlineAt).toBe(deadlineAfter(new Date(after.receivedAt), 24).toISOString());
    expect(help.provision).toEqual({ section: '§ 138', law: 'Barnets lov', confirmed: false });
    expect(after.childReport.acknowledgement).toMatchObject({ state: 'pending', possible: true });
    expect(new Date(after.childReport.acknowledgement.dueAt ?? 0).getTime()).toBeGreaterThan(
      new Date(after.receivedAt).getTime() + 6 * 24 * HOUR,
    );
  });

  it('refuses to mark a report about an adult with a Danish message on the field, storing nothing', async () => {
    const id = await record({}, yearsAgo(30));
    expect((await detail(id)).childReport.eligible).toBe(false);
    const before = await stored(id);
    const res = await mark(id);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.childReport:child_report_not_child']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message;
    expect(message).toMatch(/^Henvendelsen kan kun markeres som underretning efter Barnets lov/);
    expect(await stored(id)).toEqual(before);
  });

  it('refuses to mark a report from a relative (not a professional), storing nothing', async () => {
    const id = await record({ source: 'relative' });
    const before = await stored(id);
    const res = await mark(id);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.childReport:child_report_not_professional']);
    expect(await stored(id)).toEqual(before);
  });

  it('shows the clock overdue after 24 hours and the assessment then as late, recorded once', async () => {
    const id = await record();
    expect((await mark(id)).statusCode).toBe(200);
    // Registered two days ago as it was received then: the clock has run out.
    await sql`update inquiries set received_at = received_at - interval '2 days',
                created_at = created_at - interval '2 days' where id = ${id}`.execute(
      t.database.db,
    );
    expect((await detail(id)).childReport.immediateHelp.state).toBe('overdue');

    const body = { needed: false, note: 'Talt med skolen; barnet er i sikkerhed.' };
    const res = await coordinator().post(`/api/inquiries/${id}/immediate-help`, {
      ...body,
      version: (await detail(id)).version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Detail;
    expect(after.childReport.immediateHelp).toMatchObject({ state: 'late', needed: false });
    expect(after.childReport.immediateHelp.assessedBy).not.toBeNull();
    expect(after.immediateHelpNote).toBe(body.note);

    const before = await stored(id);
    const again = await coordinator().post(`/api/inquiries/${id}/immediate-help`, {
      needed: true,
      note: null,
      version: after.version,
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['body.needed:immediate_help_recorded']);
    expect(await stored(id)).toEqual(before);
  });

  it('counts the clock of a back-dated report from its registration, not overdue at once', async () => {
    const id = await record({
      receivedAt: new Date(Date.now() - 5 * 24 * HOUR).toISOString(),
      backdateReason: 'moved_from_paper',
    });
    expect((await mark(id)).statusCode).toBe(200);
    const help = (await detail(id)).childReport.immediateHelp;
    expect(help.state).toBe('pending');
    expect(new Date(help.deadlineAt ?? 0).getTime()).toBeGreaterThan(Date.now());
  });

  it('records the acknowledgement once, to the reporter, however often it is sent, and prints it', async () => {
    const id = await record();
    expect((await mark(id)).statusCode).toBe(200);
    const version = (await detail(id)).version;
    const first = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, { version });
    expect(first.statusCode, first.body).toBe(200);
    const sent = (first.json() as Detail).childReport.acknowledgement;
    expect(sent).toMatchObject({ state: 'met', sentTo: 'Skoleleder Demo, skole@demo.invalid' });

    const before = await stored(id);
    const again = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, { version });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Detail).childReport.acknowledgement.sentAt).toBe(sent.sentAt);
    expect(await stored(id)).toEqual(before);

    const pdf = await coordinator().get(`/api/inquiries/${id}/acknowledgement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('refuses an acknowledgement to an anonymous reporter, and has no letter for one', async () => {
    const id = await record({ reporter: { anonymous: true, name: null, contact: null } });
    expect((await mark(id)).statusCode).toBe(200);
    const version = (await detail(id)).version;
    const res = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, { version });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body:acknowledgement_no_reporter']);
    expect((await coordinator().get(`/api/inquiries/${id}/acknowledgement.pdf`)).statusCode).toBe(
      404,
    );
  });
});
