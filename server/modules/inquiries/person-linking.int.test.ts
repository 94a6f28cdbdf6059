import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  createInquiryRow,
  createPerson,
  type Client,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { cprDigest } from '../persons/service.ts';

/**
 * ASVS 8.2.2 (per-record access) for the persons an inquiry names. The red-team hole: a user who
 * cannot see a citizen linked them to a new inquiry by id and so opened their record to every
 * coordinator of the municipality. Now an inquiry links only a person the caller may see; the
 * possible-duplicates lookup shows only such persons; a new registration with a known CPR number
 * is flagged to the coordinators of the person's case; and an inquiry opens its persons' records
 * only while it is being assessed.
 */
const CPR = '1503104321';

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
/** On a case of `owner` only: nobody else may see this person. */
let hidden: { id: string; name: string };
let hiddenCase: { id: string; reference: string };

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  Object.assign(
    users,
    await createUsers(db, { hotline: 'hotline', coordinator: 'coordinator', owner: 'coordinator' }),
  );
  await logInAll(t, users, as);
  hidden = await createPerson(db, { cpr: CPR, givenName: 'Skjult', familyName: 'Borger' });
  await db
    .updateTable('persons')
    .set({ cpr_digest: cprDigest(testKeys.secret, CPR) })
    .where('id', '=', hidden.id)
    .execute();
  hiddenCase = await createCase(db, {
    persons: [{ id: hidden.id }],
    members: [{ userId: users.owner!.id, role: 'coordinator' }],
  });
});
afterAll(() => t.close());

const caller = (name: string) => as[name]!;
const intake = (persons: unknown[]) => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { anonymous: true },
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  observation: 'Eleven viser bekymrende adfærd.',
  subjectKind: 'person',
  persons,
  signs: [],
});
const post = (as: string, body: unknown) =>
  caller(as).post('/api/inquiries', body, { 'idempotency-key': `k-${randomUUID()}` });

/** The error body without its request id: what must not differ between two refusals. */
const errorOf = (res: { json(): unknown }) => {
  const { error } = res.json() as { error: Record<string, unknown> };
  const { requestId: _requestId, message, ...rest } = error;
  return { ...rest, message: String(message).replace(/[0-9a-f-]{36}/g, '') };
};

async function counts() {
  const { rows } = await sql<{ inquiries: number; links: number; notifications: number }>`
    select (select count(*) from inquiries)::int as inquiries,
           (select count(*) from inquiry_persons)::int as links,
           (select count(*) from notifications)::int as notifications`.execute(t.database.db);
  return rows[0];
}

describe(`linking a person to a new inquiry (${testEngine})`, () => {
  it('ASVS 8.2.2: refuses a person the caller may not see exactly as an unused id, storing nothing', async () => {
    const before = await counts();
    for (const who of ['hotline', 'coordinator']) {
      const hiddenRes = await post(who, intake([{ existingPersonId: hidden.id }]));
      const randomRes = await post(who, intake([{ existingPersonId: randomUUID() }]));
      expect(hiddenRes.statusCode, hiddenRes.body).toBe(404);
      expect(randomRes.statusCode).toBe(404);
      expect(errorOf(hiddenRes)).toEqual(errorOf(randomRes));
      expect(errorOf(hiddenRes)).toMatchObject({
        code: 'not_found',
        fields: [
          expect.objectContaining({
            field: 'body.persons.0.existingPersonId',
            code: 'record_not_found',
          }),
        ],
      });
    }
    expect(await counts()).toEqual(before);
    // And the person is still invisible to the coordinator.
    expect((await caller('coordinator').get(`/api/persons/${hidden.id}`)).statusCode).toBe(404);
  });

  it('links a person the caller may see (here: through their own case)', async () => {
    const res = await post('owner', intake([{ existingPersonId: hidden.id }]));
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const links = await t.database.db
      .selectFrom('inquiry_persons')
      .select('person_id')
      .where('inquiry_id', '=', id)
      .execute();
    expect(links).toEqual([{ person_id: hidden.id }]);
    // Recording it made the inquiry, and so the person, visible to the municipality's
    // coordinators while it is assessed — by someone who could already see the person.
    expect((await caller('coordinator').get(`/api/persons/${hidden.id}`)).statusCode).toBe(200);
    await t.database.db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', id)
      .execute();
  });
});

describe(`possible duplicates and a known CPR number (${testEngine})`, () => {
  it('shows only persons the caller may see, and audits only those', async () => {
    for (const [who, expected] of [
      ['hotline', []],
      ['coordinator', []],
      ['owner', [hidden.id]],
    ] as const) {
      const res = await caller(who).post('/api/persons/possible-duplicates', { cpr: CPR });
      expect(res.statusCode, res.body).toBe(200);
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids, who).toEqual(expected);
      if (expected.length === 0) expect(res.body).not.toContain('Skjult');
      const searches = (await auditRowsOf(t.database.db, res)).filter((r) => r.action === 'search');
      expect(searches.map((r) => r.subject_person_id)).toEqual(expected);
    }
  });

  it("registers the person anew and tells the case's coordinator, not the recorder", async () => {
    const res = await post(
      'hotline',
      intake([{ new: { givenName: 'Skjult', familyName: 'B', cpr: CPR } }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id, reference } = res.json() as { id: string; reference: string };
    const notices = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'case_id', 'inquiry_id', 'kind'])
      .where('inquiry_id', '=', id)
      .execute();
    expect(notices).toEqual([
      {
        user_id: users.owner!.id,
        case_id: hiddenCase.id,
        inquiry_id: id,
        kind: 'inquiry_possible_duplicate',
      },
    ]);
    const list = await caller('owner').get('/api/notifications');
    expect(list.json()).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({
          kind: 'inquiry_possible_duplicate',
          inquiryReference: reference,
          caseReference: hiddenCase.reference,
        }),
      ]),
    });
    // The receipt says nothing of the known person; nor do other coordinators' notifications.
    expect(res.body).not.toContain(hiddenCase.reference);
    const other = await caller('coordinator').get('/api/notifications');
    expect(other.body).not.toContain(hiddenCase.reference);
    // The owner sees both registrations among the possible duplicates, and can merge them.
    const dupes = await caller('owner').post('/api/persons/possible-duplicates', { cpr: CPR });
    expect((dupes.json() as { items: unknown[] }).items).toHaveLength(2);
  });
});

describe(`a person through an inquiry (${testEngine})`, () => {
  it('is open while the inquiry is assessed and closed once it is decided', async () => {
    const db = t.database.db;
    const person = await createPerson(db);
    const inquiry = await createInquiryRow(db, {
      createdBy: users.hotline!.id,
      persons: [person.id],
    });
    const read = () => caller('coordinator').get(`/api/persons/${person.id}`);
    const detail = async () =>
      (
        (await caller('coordinator').get(`/api/inquiries/${inquiry.id}`)).json() as {
          persons: { id: string; mayOpen: boolean }[];
        }
      ).persons;
    expect((await read()).statusCode).toBe(200);
    expect(await detail()).toEqual([expect.objectContaining({ id: person.id, mayOpen: true })]);

    await db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', inquiry.id)
      .execute();
    const closed = await read();
    expect(closed.statusCode).toBe(404);
    expect(errorOf(closed)).toEqual(
      errorOf(await caller('coordinator').get(`/api/persons/${randomUUID()}`)),
    );
    for (const write of [
      caller('coordinator').patch(`/api/persons/${person.id}`, { version: 1, phone: '12345678' }),
      caller('coordinator').post(`/api/persons/${person.id}/cpr`, {}),
    ]) {
      expect((await write).statusCode).toBe(404);
    }
    // The decided inquiry itself is still the coordinator's to read; its person is not a link.
    expect(await detail()).toEqual([expect.objectContaining({ id: person.id, mayOpen: false })]);
  });
});
