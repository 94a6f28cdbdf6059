import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import {
  client,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  registerPerson,
  type Client,
} from '../test/records.ts';
import { createUser, login, type TestUser } from '../test/users.ts';

/**
 * A security review of the record routes, as tests: no record crosses a municipality through a
 * forum, pickers and duplicate checks answer only what they must, notifications vanish with the
 * access to their record, every request body is strict, bad input is a 400 (never a 500 that
 * logs the input), and neither a CPR number nor a name reaches the logs or a URL.
 */
interface ErrorBody {
  error: { code: string; fields?: { field: string; code: string }[] };
}

const CPR = '140310-4821';
const CPR_DIGITS = '1403104821';

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let forum101: { id: string };
let forum147: { id: string };
let person: { id: string; name: string };

function caller(name: string): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}
const id = (name: string) => users[name]?.id ?? '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  users.coordinator = await createUser(db, { roles: ['coordinator'] });
  users.forum = await createUser(db, { roles: ['forum_member'] });
  users.admin = await createUser(db, { roles: ['municipal_admin'] });
  users.hotline = await createUser(db, { roles: ['hotline'] });
  users.coordinator147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  users.forum147 = await createUser(db, { roles: ['forum_member'], municipalityCode: '147' });
  users.admin147 = await createUser(db, { roles: ['municipal_admin'], municipalityCode: '147' });
  forum101 = await createForum(db, { members: [id('forum')] });
  forum147 = await createForum(db, { municipalityCode: '147', members: [id('forum147')] });
  person = await createPerson(db);
  await createCase(db, {
    persons: [{ id: person.id }],
    members: [{ userId: id('coordinator'), role: 'coordinator' }],
  });
  for (const [name, user] of Object.entries(users)) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as ErrorBody).error.fields ?? []).map((f) => f.field);

describe(`leak review: records across municipalities and forums (${testEngine})`, () => {
  it('a forum member never sees an inquiry of another municipality through a forum id', async () => {
    const db = t.database.db;
    // Only the database can point an inquiry at a forum of another municipality (the API
    // refuses such a forumId); even then need-to-know keeps it within the municipality.
    const foreign = await createInquiryRow(db, {
      createdBy: id('coordinator147'),
      municipalityCode: '147',
      forumId: forum101.id,
      persons: [(await createPerson(db, { municipalityCode: '147' })).id],
    });
    for (const name of ['forum', 'coordinator']) {
      const res = await caller(name).get(`/api/inquiries/${foreign.id}`);
      expect(res.statusCode, name).toBe(404);
      const inbox = await caller(name).get('/api/inquiries?status=all');
      expect(inbox.body, name).not.toContain(foreign.reference);
    }
    expect((await caller('coordinator147').get(`/api/inquiries/${foreign.id}`)).statusCode).toBe(
      200,
    );
  });

  it('the API refuses to hand an inquiry to a forum of another municipality', async () => {
    const inquiry = await createInquiryRow(t.database.db, { createdBy: id('coordinator') });
    const res = await caller('coordinator').patch(`/api/inquiries/${inquiry.id}`, {
      version: 1,
      forumId: forum147.id,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.forumId']);
  });

  it("forum candidates: another municipality's forum is 404, and no user of another municipality is offered", async () => {
    for (const name of ['coordinator', 'admin']) {
      const res = await caller(name).get(`/api/forums/${forum147.id}/candidates`);
      expect(res.statusCode, name).toBe(404);
      expect(res.body, name).not.toContain(id('forum147'));
      expect((await caller(name).get(`/api/forums/${forum147.id}`)).statusCode, name).toBe(404);
    }
    const res = await caller('admin').get(`/api/forums/${forum101.id}/candidates`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids).toContain(id('coordinator'));
    for (const other of ['coordinator147', 'forum147', 'admin147']) {
      expect(ids).not.toContain(id(other));
    }
  });

  it('possible duplicates answer id, name, birth date and what matched: nothing else', async () => {
    const db = t.database.db;
    const registered = await registerPerson(db, {
      createdBy: id('coordinator'),
      givenName: 'Ingeborg',
      familyName: 'Skovhus',
      cpr: CPR,
      address: 'Hemmeligvej 7, 2300 København S',
      phone: '+45 12 34 56 78',
    });
    await registerPerson(db, {
      createdBy: id('coordinator147'),
      municipalityCode: '147',
      cpr: CPR,
    });
    // Only persons the caller may see are answered: here, through an inquiry being assessed.
    await createInquiryRow(db, { createdBy: id('coordinator'), persons: [registered.id] });
    const blind = await caller('hotline').post('/api/persons/possible-duplicates', { cpr: CPR });
    expect(blind.json()).toEqual({ items: [] });
    const res = await caller('coordinator').post('/api/persons/possible-duplicates', { cpr: CPR });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(items).toEqual([
      { id: registered.id, name: 'Ingeborg Skovhus', birthDate: '2010-03-14', matchedOn: 'cpr' },
    ]);
    for (const secret of ['Hemmeligvej', '12 34 56 78', CPR_DIGITS, '4821', 'XXXX']) {
      expect(res.body).not.toContain(secret);
    }
  });
});

describe(`leak review: notifications follow the access to their record (${testEngine})`, () => {
  it('a notification about a case or an inquiry the user can no longer see is not shown', async () => {
    const db = t.database.db;
    const member = await createUser(db, { roles: ['caseworker'] });
    const forumMember = await createUser(db, { roles: ['forum_member'] });
    const demoted = await createUser(db, { roles: ['coordinator'] });
    const forum = await createForum(db, { members: [forumMember.id] });
    const theCase = await createCase(db, {
      members: [{ userId: member.id, role: 'member' }],
    });
    const inquiry = await createInquiryRow(db, {
      createdBy: id('coordinator'),
      forumId: forum.id,
    });
    await db
      .insertInto('notifications')
      .values([
        { user_id: member.id, kind: 'case_update', case_id: theCase.id },
        { user_id: forumMember.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
        { user_id: demoted.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
      ])
      .execute();
    const clients = {
      member: client(t.app, await login(t.app, member)),
      forumMember: client(t.app, await login(t.app, forumMember)),
      demoted: client(t.app, await login(t.app, demoted)),
    };
    // With access, each sees their notification.
    const list = async (c: Client) => {
      const res = await c.get('/api/notifications');
      expect(res.statusCode).toBe(200);
      return res;
    };
    expect((await list(clients.member)).body).toContain(theCase.reference);
    expect((await list(clients.forumMember)).body).toContain(inquiry.reference);
    expect((await list(clients.demoted)).body).toContain(inquiry.reference);

    // Then access ends: removed from the case, the inquiry decided, the coordinator role taken.
    await db.deleteFrom('case_members').where('user_id', '=', member.id).execute();
    await db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', inquiry.id)
      .execute();
    await db
      .updateTable('users')
      .set({ roles: ['caseworker'] })
      .where('id', '=', demoted.id)
      .execute();
    expect((await clients.member.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
    expect((await clients.forumMember.get(`/api/inquiries/${inquiry.id}`)).statusCode).toBe(404);
    expect((await clients.demoted.get(`/api/inquiries/${inquiry.id}`)).statusCode).toBe(404);

    for (const [name, c] of Object.entries(clients)) {
      const res = await list(c);
      expect(res.body, name).not.toContain(theCase.reference);
      expect(res.body, name).not.toContain(theCase.id);
      expect(res.body, name).not.toContain(inquiry.reference);
      expect(res.body, name).not.toContain(inquiry.id);
      expect(res.json(), name).toEqual({ items: [], unread: 0 });
    }
  });

  it('the break-the-glass notification still reaches the other coordinators', async () => {
    const db = t.database.db;
    const theCase = await createCase(db);
    await db
      .insertInto('notifications')
      .values({
        user_id: id('coordinator'),
        kind: 'break_glass',
        case_id: theCase.id,
        details: JSON.stringify({ actorUserId: id('coordinator147') }),
      })
      .execute();
    const res = await caller('coordinator').get('/api/notifications');
    expect(res.body).toContain(theCase.reference);
  });
});

describe(`leak review: strict input, and 400 rather than 500 (${testEngine})`, () => {
  /** Objects of a request body that accept unknown keys, as JSON-schema paths. */
  function looseObjects(schema: unknown, path: string, out: string[]) {
    if (typeof schema !== 'object' || schema === null) return;
    const s = schema as Record<string, unknown>;
    if (s.properties && typeof s.properties === 'object') {
      if (s.additionalProperties !== false) out.push(path);
      for (const [name, child] of Object.entries(s.properties)) {
        looseObjects(child, `${path}.${name}`, out);
      }
    }
    if (s.items) looseObjects(s.items, `${path}[]`, out);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const options = s[key];
      if (Array.isArray(options)) for (const o of options) looseObjects(o, path, out);
    }
  }

  it('every request body refuses unknown fields (400 naming them)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: unknown }> } } | undefined
        >
      >;
    };
    const loose: string[] = [];
    let bodies = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op?.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        bodies += 1;
        looseObjects(schema, `${method.toUpperCase()} ${path} body`, loose);
      }
    }
    expect(bodies).toBeGreaterThan(20);
    // The browser's WebAuthn extension outputs are an open dictionary by the standard: unknown
    // entries are dropped there, never stored (webauthn-schema.ts).
    expect(loose.filter((p) => !p.endsWith('.clientExtensionResults'))).toEqual([]);

    const res = await caller('admin').post('/api/forums', {
      name: 'Infohus',
      municipalityCode: '147',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.municipalityCode']);
  });

  it('a malformed cursor answers 400 naming query.after, never 500', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cursors = [
      cursor({ t: '2026-01-01T00:00:00.000Z', id: 'x' }),
      cursor({ t: '2026-01-01T00:00:00.000Z', id: '99999999999999999999999' }),
      cursor({ t: '0000-01-01T00:00:00.000Z', id: randomUUID() }),
      cursor({ t: '0000-01-01T00:00:00.000Z', id: '7' }),
      'AAAA',
    ];
    const failures: string[] = [];
    for (const after of cursors) {
      const urls: [Client, string][] = [
        [caller('coordinator'), `/api/cases?after=${after}`],
        [caller('coordinator'), `/api/inquiries?after=${after}`],
        [caller('coordinator'), `/api/persons/${person.id}/access-report?after=${after}`],
        [caller('admin'), `/api/admin/audit?after=${after}`],
        [caller('admin'), `/api/admin/audit?after=${cursor(['0000-01-01T00:00:00.000Z', 1])}`],
      ];
      for (const [c, url] of urls) {
        const res = await c.get(url);
        if (res.statusCode !== 400 || !fieldsOf(res).includes('query.after')) {
          failures.push(`${res.statusCode} ${url}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a NUL character in any text answers 400, never 500', async () => {
    const nul = 'Ha\u0000ns';
    const anonymous = client(t.app, null);
    const probes: [string, () => ReturnType<Client['get']>][] = [
      [
        'login',
        () => anonymous.post('/api/auth/login', { username: nul, password: 'x'.repeat(12) }),
      ],
      ['municipalities', () => anonymous.get('/api/municipalities?q=Ha%00ns')],
      ['admin users', () => caller('admin').get('/api/admin/users?q=Ha%00ns')],
      ['audit', () => caller('admin').get('/api/admin/audit?resourceId=Ha%00ns')],
      ['candidates', () => caller('admin').get(`/api/forums/${forum101.id}/candidates?q=Ha%00ns`)],
      ['forum', () => caller('admin').post('/api/forums', { name: nul })],
      [
        'person',
        () =>
          caller('coordinator').patch(`/api/persons/${person.id}`, { version: 1, givenName: nul }),
      ],
      [
        'intake',
        () =>
          caller('hotline').post(
            '/api/inquiries',
            {
              source: 'teacher',
              channel: 'phone',
              reporter: { anonymous: true },
              receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
              observation: nul,
              subjectKind: 'person',
            },
            { 'idempotency-key': `k-${randomUUID()}` },
          ),
      ],
    ];
    const failures: string[] = [];
    for (const [name, probe] of probes) {
      const res = await probe();
      if (res.statusCode !== 400) failures.push(`${name}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a date the database cannot hold (year 0) answers 400, never 500', async () => {
    const probes: [string, () => ReturnType<Client['get']>][] = [
      ['audit from', () => caller('admin').get('/api/admin/audit?from=0000-01-01')],
      ['audit to', () => caller('admin').get('/api/admin/audit?to=0000-01-01')],
      [
        'duplicates',
        () =>
          caller('hotline').post('/api/persons/possible-duplicates', {
            givenName: 'Ha',
            birthDate: '0000-03-14',
          }),
      ],
      [
        'person',
        () =>
          caller('coordinator').patch(`/api/persons/${person.id}`, {
            version: 1,
            birthDate: '0000-01-01',
          }),
      ],
    ];
    const failures: string[] = [];
    for (const [name, probe] of probes) {
      const res = await probe();
      if (res.statusCode !== 400) failures.push(`${name}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe(`leak review: logs and URLs (${testEngine})`, () => {
  it('no CPR number, name or observation from an intake reaches the logs', async () => {
    const cpr = '020304-1236';
    const digits = '0203041236';
    const names = ['Gudrun', 'Vestergaard-Nielsen', 'Reporter Rasmussen'];
    const observation = 'Hemmelig iagttagelse om naboens søn';
    const receipt = await caller('hotline').post(
      '/api/inquiries',
      {
        source: 'relative',
        channel: 'phone',
        reporter: { anonymous: false, name: 'Reporter Rasmussen', contact: '87654321' },
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        observation,
        subjectKind: 'person',
        persons: [{ new: { givenName: 'Gudrun', familyName: 'Vestergaard-Nielsen', cpr } }],
        signs: [{ code: 'extremist_media', note: null }],
      },
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(receipt.statusCode).toBe(201);
    const { id: inquiryId } = receipt.json() as { id: string };
    // Reads, searches, a refused CPR number and a failing request, all with the same data.
    await caller('hotline').post('/api/persons/possible-duplicates', { cpr });
    await caller('coordinator').get(`/api/inquiries/${inquiryId}`);
    await caller('coordinator').get('/api/inquiries');
    const [subject] = (
      (await caller('coordinator').get(`/api/inquiries/${inquiryId}`)).json() as {
        persons: { id: string }[];
      }
    ).persons;
    await caller('coordinator').post(`/api/persons/${subject?.id ?? ''}/cpr`, {});
    await caller('coordinator').patch(`/api/persons/${subject?.id ?? ''}`, {
      version: 1,
      cpr: '020304-123',
    });
    await caller('hotline').post('/api/persons/possible-duplicates', {
      givenName: 'Gudrun\u0000',
      birthDate: '0000-03-02',
    });
    expect(t.logs.length).toBeGreaterThan(0);
    const logs = JSON.stringify(t.logs);
    for (const secret of [cpr, digits, ...names, '87654321', observation, '0000-03-02']) {
      expect(logs, secret).not.toContain(secret);
    }
  });

  it('no operation takes a CPR number in its URL', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const inUrl = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' || p.in === 'path')
          .filter((p) => /cpr|personnummer|ssn/i.test(p.name) || /cpr/i.test(path))
          .map((p) => `${method.toUpperCase()} ${path} ${p.in}.${p.name}`),
      ),
    );
    // POST /api/persons/{id}/cpr has only the person's id in its path; the number is the answer.
    expect(inUrl.filter((p) => !p.startsWith('POST /api/persons/{id}/cpr path.id'))).toEqual([]);
    // The request log holds the route's path only, never a query string.
    await caller('coordinator').get(`/api/cases?status=active&x=${CPR_DIGITS}`);
    expect(JSON.stringify(t.logs)).not.toContain(CPR_DIGITS);
  });
});
