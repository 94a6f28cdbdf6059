import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  createUnit,
  type Client,
  type ErrorBody,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { localTime } from './deadline.ts';

/**
 * The decision that ends the initial assessment: what each outcome requires and does (only a
 * radicalisation concern opens a case; "no concern" leaves no mark on anyone), the age group,
 * four-eyes (a second coordinator approves or rejects) and reopening with a reason.
 */
type Decision = Record<'outcome' | 'status' | 'ageGroup', string> &
  Record<'caseId' | 'caseReference' | 'referredUnitName', string | null>;
type Detail = { id: string; version: number; status: string; decisions: Decision[] } & {
  abilities: Record<string, boolean>;
};

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let forumId = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const staff = await createUsers(db, {
    coordinator: 'coordinator',
    forum: 'forum_member',
    caseworker: 'caseworker',
    first: ['coordinator', '147'],
    second: ['coordinator', '147'],
  });
  Object.assign(users, staff);
  await logInAll(t, users, as);
  forumId = (await createForum(db, { members: [staff.forum.id] })).id;
  await db
    .insertInto('municipality_settings')
    .values({ municipality_code: '147', four_eyes: true })
    .execute();
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);
const idOf = (name: string) => users[name]?.id ?? '';

/** An inquiry about a boy and his father, recorded through the API; returns its persons too. */
async function create(as = 'coordinator') {
  const res = await caller(as).post(
    '/api/inquiries',
    {
      source: 'teacher',
      channel: 'phone',
      reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      observation: 'Drengen siger, at en bestemt gruppe bør fjernes med vold.',
      subjectKind: 'family',
      persons: [
        { new: { givenName: 'Omar', familyName: 'Testsen', birthDate: '2010-03-14' } },
        {
          new: { givenName: 'Faisal', familyName: 'Testsen', birthDate: '1975-04-02' },
          relationToFirst: 'parent',
        },
      ],
      signs: [{ code: 'absolute_solutions' }],
    },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  const persons = await q<{ person_id: string }>(
    sql`select person_id from inquiry_persons where inquiry_id = ${id} order by position`,
  );
  return { id, child: persons[0]?.person_id ?? '', father: persons[1]?.person_id ?? '' };
}
async function detail(as: string, id: string) {
  const res = await caller(as).get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
async function post(as: string, id: string, path: string, body: object) {
  const { version } = await detail(as, id);
  return caller(as).post(`/api/inquiries/${id}${path}`, { version, ...body });
}
const decision = (outcome: string, extra: Record<string, unknown> = {}) => ({
  outcome,
  reason: 'Vurderet på baggrund af samtaler med skole og familie.',
  classification: { subjectKind: 'family' },
  ...extra,
});
const decide = (as: string, id: string, outcome: string, extra: Record<string, unknown> = {}) =>
  post(as, id, '/decision', decision(outcome, extra));
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as ErrorBody).error.fields ?? []).map((f) => f.field);
/** Rows of a query on the test database. */
const q = async <T>(query: RawBuilder<T>) => (await query.execute(t.database.db)).rows;
const count = async (table: 'cases' | 'inquiry_decisions') =>
  (await q<{ n: number }>(sql`select count(*)::int as n from ${sql.table(table)}`))[0]?.n ?? 0;
const person = (id: string) =>
  t.database.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe(`inquiry decisions (${testEngine})`, () => {
  it('closes a "no concern" without a case and leaves no mark on the persons', async () => {
    const db = t.database.db;
    const { id, child, father } = await create();
    // An unrelated case the caseworker works on, and a person who is on a case.
    const onCase = await createPerson(db);
    await createCase(db, {
      persons: [{ id: onCase.id }],
      members: [{ userId: idOf('caseworker'), role: 'member' }],
    });
    await db
      .insertInto('inquiry_persons')
      .values({ inquiry_id: id, person_id: onCase.id, position: 2 })
      .execute();
    const before = { child: await person(child), cases: await count('cases') };

    const res = await decide('coordinator', id, 'no_concern');
    expect(res.statusCode, res.body).toBe(200);
    const after = Date.now();
    const decided = res.json() as Detail;
    expect(decided.status).toBe('decided');
    expect(decided.decisions).toEqual([
      expect.objectContaining({ outcome: 'no_concern', status: 'final', caseId: null }),
    ]);
    expect(await count('cases')).toBe(before.cases);
    expect(await q(sql`select case_id from inquiries where id = ${id}`)).toEqual([
      { case_id: null },
    ]);

    const days = 180 * 86_400_000;
    for (const p of [child, father]) {
      const archive = (await person(p)).archive_after?.getTime() ?? 0;
      expect(archive).toBeGreaterThan(after + days - 60_000);
      expect(archive).toBeLessThanOrEqual(after + days + 60_000);
    }
    expect((await person(onCase.id)).archive_after).toBeNull();
    // Nothing but the archiving date changed on the person; no case links them.
    const { archive_after: _a, ...rest } = await person(child);
    const { archive_after: _b, ...was } = before.child;
    expect(rest).toEqual(was);
    const links = sql`select case_id from case_persons where person_id in (${child}, ${father})`;
    expect(await q(links)).toEqual([]);

    for (const p of [child, father]) {
      expect((await caller('caseworker').get(`/api/persons/${p}`)).statusCode).toBe(404);
    }
    const cases = await caller('caseworker').get('/api/cases');
    expect(cases.statusCode).toBe(200);
    expect(cases.body).not.toContain(child);
    expect(cases.body).not.toContain(father);
    expect(cases.body).not.toContain('Omar');
  });

  it('refers an "other concern" to a named unit, which it requires', async () => {
    const { id } = await create();
    const missing = await decide('coordinator', id, 'other_concern');
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.referredUnitId']);
    expect((await detail('coordinator', id)).decisions).toEqual([]);
    const unit = await createUnit(t.database.db, { kind: 'ssp' });
    const res = await decide('coordinator', id, 'other_concern', {
      referredUnitId: unit.id,
      passedOn: 'Navn og skole.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).decisions[0]).toMatchObject({
      referredUnitName: unit.name,
      caseId: null,
    });
    const stored = sql`select referred_unit_id, passed_on from inquiry_decisions where inquiry_id = ${id}`;
    expect(await q(stored)).toEqual([{ referred_unit_id: unit.id, passed_on: 'Navn og skole.' }]);
  });

  it('opens a case for a radicalisation concern with its persons and team', async () => {
    const { id, child, father } = await create();
    await caller('coordinator').patch(`/api/inquiries/${id}`, {
      version: (await detail('coordinator', id)).version,
      forumId,
    });
    const cases = await count('cases');
    const missing = await decide('coordinator', id, 'radicalisation');
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.classification.extremismForm']);
    expect(await count('cases')).toBe(cases);

    const res = await decide('coordinator', id, 'radicalisation', {
      classification: { subjectKind: 'family', extremismForm: 'right_wing' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const made = (res.json() as Detail).decisions[0];
    expect(made?.caseReference).toMatch(new RegExp(`^S-${localTime(new Date()).year}-[0-9]{4}$`));
    const caseId = made?.caseId ?? '';
    expect(
      await q(
        sql`select person_id, role from case_persons where case_id = ${caseId} order by role`,
      ),
    ).toEqual([
      { person_id: child, role: 'citizen' },
      { person_id: father, role: 'parent' },
    ]);
    expect(
      await q(sql`select user_id, role from case_members where case_id = ${caseId} order by role`),
    ).toEqual([
      { user_id: idOf('coordinator'), role: 'coordinator' },
      { user_id: idOf('forum'), role: 'forum' },
    ]);
    expect(await q(sql`select extremism_form, forum_id from cases where id = ${caseId}`)).toEqual([
      { extremism_form: 'right_wing', forum_id: forumId },
    ]);
  });

  it('starts the new case\'s chronology with "case opened": who, when, from which inquiry', async () => {
    const { id } = await create();
    const before = Date.now();
    const res = await decide('coordinator', id, 'radicalisation', {
      classification: { subjectKind: 'family', extremismForm: 'left_wing' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const caseId = (res.json() as Detail).decisions[0]?.caseId ?? '';
    const [inquiry] = await q<{ reference: string }>(
      sql`select reference from inquiries where id = ${id}`,
    );
    const page = await caller('coordinator').get(`/api/cases/${caseId}/chronology`);
    expect(page.statusCode, page.body).toBe(200);
    const items = (
      page.json() as {
        items: {
          kind: string;
          author: { id: string } | null;
          occurredAt: string;
          changes: unknown;
        }[];
      }
    ).items;
    expect(items.map((i) => i.kind)).toEqual(['opened']);
    expect(items[0]).toMatchObject({
      author: { id: idOf('coordinator') },
      changes: { inquiry: { from: null, to: inquiry?.reference } },
    });
    expect(Date.parse(items[0]?.occurredAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records a handover to the police as a disclosure, not in the future', async () => {
    const { id } = await create();
    const missing = await decide('coordinator', id, 'police');
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing).sort()).toEqual(['body.policeHandedAt', 'body.policeRecipient']);
    const future = await decide('coordinator', id, 'police', {
      policeRecipient: 'Københavns Politi, forebyggelse',
      policeHandedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect((future.json() as ErrorBody).error.fields).toEqual([
      { field: 'body.policeHandedAt', code: 'in_future', message: expect.any(String) as string },
    ]);
    const handedAt = new Date(Date.now() - 600_000).toISOString();
    const res = await decide('coordinator', id, 'police', {
      policeRecipient: 'Københavns Politi, forebyggelse',
      policeHandedAt: handedAt,
      municipalityKeeps: 'Kontakt til familien',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).decisions[0]).toMatchObject({ outcome: 'police', caseId: null });
    const audit = (await auditRowsOf(t.database.db, res)).filter((a) => a.action === 'disclose');
    expect(audit).toEqual([expect.objectContaining({ resource_type: 'inquiry', resource_id: id })]);
  });

  it('refuses an empty reason and a second decision', async () => {
    const { id } = await create();
    const decisions = await count('inquiry_decisions');
    const empty = await decide('coordinator', id, 'no_concern', { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(['body.reason']);
    expect(await count('inquiry_decisions')).toBe(decisions);
    expect((await decide('coordinator', id, 'no_concern')).statusCode).toBe(200);
    const twice = await decide('coordinator', id, 'police');
    expect(twice.statusCode).toBe(409);
    expect((twice.json() as ErrorBody).error.code).toBe('inquiry_decided');
    expect(await count('inquiry_decisions')).toBe(decisions + 1);
  });

  it("sets the age group from the main person's birth date on the day of the decision", async () => {
    const db = t.database.db;
    const today = localTime(new Date());
    const yearsAgo = (years: number, days = 0) =>
      new Date(Date.UTC(today.year - years, today.month - 1, today.day + days))
        .toISOString()
        .slice(0, 10);
    for (const [birthDate, group] of [
      [yearsAgo(18), 'adult'],
      [yearsAgo(18, 1), 'under_18'],
      [yearsAgo(40), 'adult'],
      [null, 'unknown'],
    ] as const) {
      const p = await createPerson(db);
      await q(sql`update persons set birth_date = ${birthDate} where id = ${p.id}`);
      const { id } = await createInquiryRow(db, {
        createdBy: idOf('coordinator'),
        persons: [p.id],
      });
      const res = await decide('coordinator', id, 'no_concern');
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Detail).decisions[0]?.ageGroup, String(birthDate)).toBe(group);
    }
  });

  it('waits for a second coordinator under four-eyes, who approves or rejects', async () => {
    const { id } = await create('first');
    const cases = await count('cases');
    const pending = await decide('first', id, 'radicalisation', {
      classification: { subjectKind: 'family', extremismForm: 'left_wing' },
    });
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({
      status: 'awaiting_approval',
      decisions: [{ status: 'pending', caseId: null }],
      abilities: { review: false, decide: false },
    });
    expect(await count('cases')).toBe(cases);

    const self = await post('first', id, '/decision/review', { approve: true });
    expect(self.statusCode).toBe(409);
    expect((self.json() as ErrorBody).error.code).toBe('four_eyes_same_person');
    expect((await detail('second', id)).abilities.review).toBe(true);
    const approved = await post('second', id, '/decision/review', { approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    const final = approved.json() as Detail;
    expect(final.status).toBe('decided');
    expect(final.decisions[0]).toMatchObject({
      status: 'final',
      caseId: expect.any(String) as string,
    });
    expect(await count('cases')).toBe(cases + 1);

    const other = await create('first');
    await post('first', other.id, '/triage', { seriousness: 'low' });
    expect((await decide('first', other.id, 'no_concern')).statusCode).toBe(200);
    const rejected = await post('second', other.id, '/decision/review', {
      approve: false,
      comment: 'Tal med skolen igen.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'triaged',
      decisions: [{ status: 'rejected' }],
    });
    expect((await person(other.child)).archive_after).toBeNull();
    const again = await decide('first', other.id, 'no_concern', { reason: 'Ny vurdering.' });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Detail).decisions.map((d) => d.status)).toEqual([
      'rejected',
      'pending',
    ]);
  });

  it('reopens a decided inquiry with a reason: superseded, back to work, not archived', async () => {
    const { id, child } = await create();
    const notYet = await post('coordinator', id, '/reopen', { reason: 'Nye oplysninger.' });
    expect(notYet.statusCode).toBe(409);
    expect((notYet.json() as ErrorBody).error.code).toBe('inquiry_not_decided');
    await post('coordinator', id, '/triage', { seriousness: 'medium' });
    await decide('coordinator', id, 'no_concern');
    expect((await person(child)).archive_after).not.toBeNull();

    const noReason = await post('coordinator', id, '/reopen', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['body.reason']);
    expect((await detail('coordinator', id)).status).toBe('decided');

    const res = await post('coordinator', id, '/reopen', { reason: 'Nye oplysninger fra skolen.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'triaged', decisions: [{ status: 'superseded' }] });
    expect((await person(child)).archive_after).toBeNull();
    const history = (await caller('coordinator').get(`/api/inquiries/${id}/history`)).json() as {
      events: { kind: string; changes: Record<string, unknown> }[];
    };
    expect(history.events.at(-1)).toMatchObject({
      kind: 'reopened',
      changes: { reason: 'Nye oplysninger fra skolen.' },
    });
    expect((await decide('coordinator', id, 'no_concern')).statusCode).toBe(200);
  });
});
