import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';

/**
 * A report about a child marked at intake (issue 12): the new-inquiry request may carry
 * "Underretning efter Barnets lov", which is set in the same request under the rule that marking
 * it afterwards applies — a child under 18 at receipt, from a professional source (a daycare, a
 * doctor and a health visitor are professional sources too). An adult or a non-professional
 * source is refused with a Danish message on the field, and nothing is stored.
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
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;

function intake(overrides: Record<string, unknown> = {}, birthDate: string | null = yearsAgo(4)) {
  return coordinator().post(
    '/api/inquiries',
    {
      source: 'daycare',
      channel: 'phone',
      reporter: { anonymous: false, name: 'Pædagog Demo', contact: 'boernehuset@demo.invalid' },
      receivedAt: new Date(Date.now() - HOUR).toISOString(),
      observation: 'Barnet gentager voldelige slogans, som en ældre bror har lært det.',
      subjectKind: 'person',
      persons: [{ new: { givenName: 'Lea', familyName: 'Dagtilbudsen', birthDate } }],
      signs: [],
      childReport: true,
      ...overrides,
    },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
}

interface Detail {
  source: string;
  persons: { id: string }[];
  childReport: { marked: boolean; eligible: boolean; markedBy: string | null };
}

async function detail(id: string): Promise<Detail> {
  const res = await coordinator().get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

/** What an intake could have written: inquiries, persons, chronology entries and audit rows. */
async function counts() {
  const { rows } = await sql<Record<string, number>>`
    select (select count(*) from inquiries)::int as inquiries,
           (select count(*) from persons)::int as persons,
           (select count(*) from inquiry_events)::int as events,
           (select count(*) from audit_log)::int as audit`.execute(t.database.db);
  return rows[0];
}

describe(`a report about a child marked at intake (${testEngine})`, () => {
  it('marks a daycare report about a 4-year-old in the create request, with the chronology entry', async () => {
    const res = await intake();
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const shown = await detail(id);
    expect(shown.source).toBe('daycare');
    expect(shown.childReport.marked).toBe(true);
    expect(shown.childReport.markedBy).not.toBeNull();

    const history = await coordinator().get(`/api/inquiries/${id}/history`);
    const kinds = (history.json() as { events: { kind: string }[] }).events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'child_report_marked']));
  });

  it('takes the birth date from the CPR number and accepts a doctor and a health visitor as professionals', async () => {
    const year = String(new Date().getUTCFullYear() - 2).slice(2);
    for (const source of ['doctor', 'health_visitor']) {
      const res = await intake({
        source,
        persons: [{ new: { givenName: 'Emil', familyName: 'Cprsen', cpr: `0101${year}-4001` } }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const shown = await detail((res.json() as { id: string }).id);
      expect(shown.childReport.marked).toBe(true);
    }
  });

  it('marks a report about a child already registered, read from the register', async () => {
    const first = await intake({ childReport: false });
    expect(first.statusCode, first.body).toBe(201);
    const child = (await detail((first.json() as { id: string }).id)).persons[0]?.id;
    const res = await intake({ source: 'teacher', persons: [{ existingPersonId: child }] });
    expect(res.statusCode, res.body).toBe(201);
    expect((await detail((res.json() as { id: string }).id)).childReport.marked).toBe(true);
  });

  it('refuses the mark for an adult with a Danish message on the field, storing nothing', async () => {
    const before = await counts();
    const res = await intake({}, yearsAgo(30));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.childReport:child_report_not_child']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message;
    expect(message).toMatch(/^Henvendelsen kan kun markeres som underretning efter Barnets lov/);
    expect(await counts()).toEqual(before);
  });

  it('refuses the mark when the birth date is unknown, storing nothing', async () => {
    const before = await counts();
    const res = await intake({}, null);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.childReport:child_report_not_child']);
    expect(await counts()).toEqual(before);
  });

  it('refuses the mark for a relative as the source with a Danish message, storing nothing', async () => {
    const before = await counts();
    const res = await intake({ source: 'relative' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.childReport:child_report_not_professional']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message;
    expect(message).toMatch(/dagtilbud, læge, sundhedsplejerske/);
    expect(await counts()).toEqual(before);
  });

  it('leaves an inquiry unmarked when the choice is not made, still suggesting it', async () => {
    const res = await intake({ childReport: undefined, source: 'health_visitor' });
    expect(res.statusCode, res.body).toBe(201);
    const shown = await detail((res.json() as { id: string }).id);
    expect(shown.childReport).toMatchObject({ marked: false, eligible: true });
  });
});
