import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createPerson, type Client, type ErrorBody } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { translate } from '../../platform/i18n/index.ts';
import { cprDigest } from '../persons/service.ts';
import { deadlineAfter } from './deadline.ts';
import type { Receipt } from './intake.ts';

/**
 * Recording an inquiry: idempotency, the receipt, urgency, the untriaged deadline, persons (new
 * with an encrypted CPR number, or an existing registration) and drafts; and bad input, which is
 * refused with a translated message naming the field while nothing is stored.
 */

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  Object.assign(
    users,
    await createUsers(db, {
      hotline: 'hotline',
      coordinator: 'coordinator',
      caseworker: 'caseworker',
      coordinator147: ['coordinator', '147'],
    }),
  );
  await logInAll(t, users, as);
  // Frederiksberg's shortest deadline is "medium", and not a whole number of days.
  await db
    .insertInto('municipality_settings')
    .values({
      municipality_code: '147',
      deadline_hours_high: 30,
      deadline_hours_medium: 12,
      deadline_hours_low: 72,
    })
    .execute();
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);
const newKey = () => ({ 'idempotency-key': `k-${randomUUID()}` });
const receivedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();

const intake = (overrides: Record<string, unknown> = {}) => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
  receivedAt,
  observation: 'Eleven taler om, at en bestemt gruppe bør fjernes med vold.',
  subjectKind: 'person',
  persons: [{ new: { givenName: 'Omar', familyName: 'Testsen' } }],
  signs: [{ code: 'extremist_media', note: null }],
  ...overrides,
});

async function post(as: string, body: unknown, headers: Record<string, string> = newKey()) {
  const res = await caller(as).post('/api/inquiries', body, headers);
  return { res, receipt: res.json() as Receipt };
}

async function counts() {
  const { rows } = await sql<{ inquiries: number; persons: number; signs: number }>`
    select (select count(*) from inquiries)::int as inquiries,
           (select count(*) from persons)::int as persons,
           (select count(*) from inquiry_signs)::int as signs`.execute(t.database.db);
  return rows[0];
}

describe(`inquiry intake (${testEngine})`, () => {
  it('is idempotent per user and key, also for two posts at once', async () => {
    const key = newKey();
    const first = await post('hotline', intake(), key);
    expect(first.res.statusCode, first.res.body).toBe(201);
    const again = await post('hotline', intake({ observation: 'Et nyt forsøg.' }), key);
    expect(again.res.statusCode).toBe(200);
    expect(again.receipt).toEqual(first.receipt);
    const otherUser = await post('caseworker', intake(), key);
    expect(otherUser.res.statusCode).toBe(201);
    expect(otherUser.receipt.id).not.toBe(first.receipt.id);

    const before = await counts();
    const raced = newKey();
    const both = await Promise.all([
      post('hotline', intake(), raced),
      post('hotline', intake(), raced),
    ]);
    expect(both.map((b) => b.res.statusCode).sort()).toEqual([200, 201]);
    expect(both[0].receipt.id).toBe(both[1].receipt.id);
    const rows = await t.database.db
      .selectFrom('inquiries')
      .select('id')
      .where('idempotency_key', '=', raced['idempotency-key'])
      .execute();
    expect(rows).toHaveLength(1);
    expect((await counts())?.inquiries).toBe((before?.inquiries ?? 0) + 1);
    expect((await counts())?.persons).toBe((before?.persons ?? 0) + 1);
  });

  it('lets only a coordinator of the municipality open the inquiry from the receipt', async () => {
    expect((await post('coordinator', intake())).receipt.canOpen).toBe(true);
    expect((await post('hotline', intake())).receipt.canOpen).toBe(false);
    expect((await post('caseworker', intake())).receipt.canOpen).toBe(false);
  });

  it('is urgent with police advice for a serious sign or immediate danger only', async () => {
    const serious = await post('hotline', intake({ signs: [{ code: 'violence', note: null }] }));
    expect(serious.receipt).toMatchObject({ urgent: true, policeAdvice: true });
    const danger = await post('hotline', intake({ signs: [], immediateDanger: true }));
    expect(danger.receipt).toMatchObject({ urgent: true, policeAdvice: true });
    const mild = await post(
      'hotline',
      intake({
        signs: [{ code: 'extremist_media' }, { code: 'crime' }, { code: 'poor_wellbeing' }],
      }),
    );
    expect(mild.res.statusCode, mild.res.body).toBe(201);
    expect(mild.receipt).toMatchObject({ urgent: false, policeAdvice: false });
    const row = await t.database.db
      .selectFrom('inquiries')
      .select(['urgent', 'seriousness', 'status'])
      .where('id', '=', mild.receipt.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ urgent: false, seriousness: null, status: 'received' });
  });

  it("sets the untriaged deadline to the municipality's shortest deadline", async () => {
    // The clock across daylight-saving changes: deadline.unit.test.ts and assessment.int.test.ts.
    const at = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const copenhagen = await post('hotline', intake({ receivedAt: at }));
    expect(copenhagen.receipt.deadlineAt).toBe(deadlineAfter(new Date(at), 24).toISOString());
    const frederiksberg = await post('coordinator147', intake({ receivedAt: at }));
    expect(frederiksberg.res.statusCode, frederiksberg.res.body).toBe(201);
    expect(frederiksberg.receipt.deadlineAt).toBe(deadlineAfter(new Date(at), 12).toISOString());
  });

  it('stores new persons with the CPR number encrypted, and their relation', async () => {
    const { res, receipt } = await post(
      'hotline',
      intake({
        subjectKind: 'family',
        persons: [
          { new: { givenName: 'Ali', familyName: 'Krypt', cpr: '140310-4123' } },
          {
            new: {
              givenName: 'Faisal',
              familyName: 'Krypt',
              cpr: '0204751234',
              birthDate: '1975-04-02',
            },
            relationToFirst: 'parent',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const persons = await t.database.db
      .selectFrom('inquiry_persons as ip')
      .innerJoin('persons as p', 'p.id', 'ip.person_id')
      .select(['p.id', 'p.birth_date', 'p.cpr_enc', 'p.cpr_digest', 'p.municipality_code'])
      .where('ip.inquiry_id', '=', receipt.id)
      .orderBy('ip.position')
      .execute();
    expect(persons.map((p) => [p.birth_date, p.municipality_code])).toEqual([
      ['2010-03-14', '101'],
      ['1975-04-02', '101'],
    ]);
    const [child, father] = persons;
    for (const [p, digits] of [
      [child, '1403104123'],
      [father, '0204751234'],
    ] as const) {
      expect(p?.cpr_enc).toBeTruthy();
      expect(p?.cpr_enc).not.toContain(digits);
      expect(p?.cpr_enc).not.toContain(digits.slice(0, 6));
      expect(p?.cpr_digest).toBe(cprDigest(testKeys.secret, digits));
    }
    const relations = await t.database.db
      .selectFrom('person_relations')
      .select(['person_id', 'related_person_id', 'relation'])
      .where('person_id', '=', child?.id ?? '')
      .execute();
    expect(relations).toEqual([
      { person_id: child?.id, related_person_id: father?.id, relation: 'parent' },
    ]);
  });

  it("links an existing person the caller may see, never another municipality's", async () => {
    const own = await createPerson(t.database.db);
    // The coordinator sees the person through an inquiry being assessed.
    const seen = await post('coordinator', intake());
    await t.database.db
      .updateTable('inquiry_persons')
      .set({ person_id: own.id })
      .where('inquiry_id', '=', seen.receipt.id)
      .execute();
    const before = await counts();
    const linked = await post('coordinator', intake({ persons: [{ existingPersonId: own.id }] }));
    expect(linked.res.statusCode, linked.res.body).toBe(201);
    expect((await counts())?.persons).toBe(before?.persons);
    const link = await t.database.db
      .selectFrom('inquiry_persons')
      .select(['person_id', 'position'])
      .where('inquiry_id', '=', linked.receipt.id)
      .execute();
    expect(link).toEqual([{ person_id: own.id, position: 0 }]);

    // The hotline sees nobody: the same person is refused (see person-linking.int.test.ts).
    const foreign = await createPerson(t.database.db, { municipalityCode: '147' });
    const middle = await counts();
    for (const [who, id] of [
      ['hotline', own.id],
      ['coordinator', foreign.id],
    ] as const) {
      const refused = await post(who, intake({ persons: [{ existingPersonId: id }] }));
      expect(refused.res.statusCode).toBe(404);
      expect((refused.res.json() as ErrorBody).error.fields).toEqual([
        expect.objectContaining({
          field: 'body.persons.0.existingPersonId',
          code: 'record_not_found',
        }),
      ]);
    }
    expect(await counts()).toEqual(middle);
  });

  it("deletes the caller's own draft on submit, and nobody else's", async () => {
    const draft = async (as: string) => {
      const id = randomUUID();
      const res = await caller(as).put(`/api/inquiry-drafts/${id}`, {
        version: 0,
        content: { observation: 'Halvfærdig' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return id;
    };
    const exists = async (id: string) =>
      (await t.database.db
        .selectFrom('inquiry_drafts')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()) !== undefined;
    const mine = await draft('hotline');
    const theirs = await draft('caseworker');
    expect((await post('hotline', intake({ draftId: mine }))).res.statusCode).toBe(201);
    expect(await exists(mine)).toBe(false);
    expect((await post('hotline', intake({ draftId: theirs }))).res.statusCode).toBe(201);
    expect(await exists(theirs)).toBe(true);
  });

  const future = new Date(Date.now() + 3 * 86_400_000);
  const person = (p: Record<string, unknown>) => [
    { new: { givenName: 'Omar', familyName: 'Testsen', ...p } },
  ];
  const bad: {
    name: string;
    body: Record<string, unknown>;
    headers?: Record<string, string>;
    field: string;
    code: string;
    params?: Record<string, number>;
  }[] = [
    {
      name: 'received in the future',
      body: intake({ receivedAt: future.toISOString() }),
      field: 'body.receivedAt',
      code: 'in_future',
    },
    {
      name: 'a CPR number with an impossible date',
      body: intake({ persons: person({ cpr: '3102101234' }) }),
      field: 'body.persons.0.new.cpr',
      code: 'invalid_cpr',
    },
    {
      name: 'a birth date in the future',
      body: intake({ persons: person({ birthDate: future.toISOString().slice(0, 10) }) }),
      field: 'body.persons.0.new.birthDate',
      code: 'in_future',
    },
    {
      name: 'a CPR number that does not match the birth date',
      body: intake({ persons: person({ cpr: '1403104123', birthDate: '2010-03-15' }) }),
      field: 'body.persons.0.new.birthDate',
      code: 'cpr_birth_date_mismatch',
    },
    {
      name: 'an unknown concern-sign code',
      body: intake({ signs: [{ code: 'looks_suspicious' }] }),
      field: 'body.signs.0.code',
      code: 'invalid_value',
    },
    {
      name: 'the same sign twice',
      body: intake({ signs: [{ code: 'violence' }, { code: 'violence', note: 'Igen' }] }),
      field: 'body.signs.1.code',
      code: 'duplicate',
    },
    {
      name: 'an observation of 10,001 characters',
      body: intake({ observation: 'x'.repeat(10_001) }),
      field: 'body.observation',
      code: 'too_big_string',
      params: { maximum: 10_000 },
    },
    {
      name: 'an unknown field',
      body: intake({ extra: 'hej' }),
      field: 'body.extra',
      code: 'unrecognized_keys',
    },
    {
      name: 'no Idempotency-Key header',
      body: intake(),
      headers: {},
      field: 'headers.idempotency-key',
      code: 'required',
    },
    {
      name: 'a person both existing and new',
      body: intake({
        persons: [{ existingPersonId: randomUUID(), new: { givenName: 'A', familyName: 'B' } }],
      }),
      field: 'body.persons.0',
      code: 'person_one_of',
    },
  ];

  it.each(bad)('refuses $name with a Danish message naming $field', async (c) => {
    const before = await counts();
    const res = await caller('hotline').post('/api/inquiries', c.body, {
      ...(c.headers ?? newKey()),
      'accept-language': 'da',
    });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json() as ErrorBody;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(translate('da', 'errors.validation_failed'));
    const problem = error.fields?.find((f) => f.field === c.field);
    expect(problem, JSON.stringify(error.fields)).toMatchObject({ code: c.code });
    expect(problem?.message).toBe(translate('da', `validation.${c.code}`, c.params));
    expect(problem?.message).not.toMatch(/^validation\./);
    expect(problem?.message).not.toBe(translate('en', `validation.${c.code}`, c.params));
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over the server limit with 413 and stores nothing', async () => {
    const before = await counts();
    const res = await caller('hotline').post(
      '/api/inquiries',
      intake({ observation: 'x'.repeat(70 * 1024) }),
      newKey(),
    );
    expect(res.statusCode).toBe(413);
    expect((res.json() as ErrorBody).error.code).toBe('payload_too_large');
    expect(await counts()).toEqual(before);
  });
});
