import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { client, createForum } from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';

/** The path of an inquiry through the HTTP API: intake → triage → contributions → decision. */
let t: TestApp;
let hotline: ReturnType<typeof client>;
let coordinator: ReturnType<typeof client>;
let forumMember: ReturnType<typeof client>;
let caseworker: ReturnType<typeof client>;
let forumId = '';

const sixteenYearsAgo = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 16);
  return d.toISOString().slice(0, 10);
};

const intake = (overrides: Record<string, unknown> = {}) => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
  receivedAt: new Date(Date.now() - 60_000).toISOString(),
  observation: 'Drengen siger, at en bestemt gruppe bør fjernes med vold.',
  subjectKind: 'family',
  persons: [
    { new: { givenName: 'Omar', familyName: 'Testsen', birthDate: sixteenYearsAgo() } },
    {
      new: { givenName: 'Faisal', familyName: 'Testsen', birthDate: '1975-04-02' },
      relationToFirst: 'parent',
    },
  ],
  signs: [{ code: 'absolute_solutions', note: 'Sagt i frikvarteret' }],
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const users = {
    hotline: await createUser(db, { roles: ['hotline'] }),
    coordinator: await createUser(db, { roles: ['coordinator'] }),
    forum: await createUser(db, { roles: ['forum_member'] }),
    caseworker: await createUser(db, { roles: ['caseworker'] }),
  };
  hotline = client(t.app, await login(t.app, users.hotline));
  coordinator = client(t.app, await login(t.app, users.coordinator));
  forumMember = client(t.app, await login(t.app, users.forum));
  caseworker = client(t.app, await login(t.app, users.caseworker));
  forumId = (await createForum(db, { members: [users.forum.id] })).id;
});
afterAll(() => t.close());

describe(`inquiries (${testEngine})`, () => {
  it('records an urgent inquiry once per key, gives the recorder a receipt only, and walks it to a case', async () => {
    const key = { 'idempotency-key': 'test-key-0001-abcdef' };
    const first = await hotline.post('/api/inquiries', intake(), key);
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json() as {
      id: string;
      urgent: boolean;
      policeAdvice: boolean;
      canOpen: boolean;
    };
    expect(receipt).toMatchObject({ urgent: true, policeAdvice: true, canOpen: false });
    const again = await hotline.post('/api/inquiries', intake(), key);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { id: string }).id).toBe(receipt.id);
    expect((await hotline.get(`/api/inquiries/${receipt.id}`)).statusCode).toBe(403);

    const inbox = await coordinator.get('/api/inquiries');
    expect(inbox.statusCode).toBe(200);
    const items = (inbox.json() as { items: { id: string; firstPersonName: string }[] }).items;
    expect(items.map((i) => i.id)).toContain(receipt.id);
    expect(items.find((i) => i.id === receipt.id)?.firstPersonName).toBe('Omar Testsen');

    let detail = (await coordinator.get(`/api/inquiries/${receipt.id}`)).json() as {
      version: number;
      persons: { name: string; relationToFirst: string | null }[];
      signs: { code: string; tier: string }[];
      abilities: Record<string, boolean>;
    };
    expect(detail.persons.map((p) => [p.name, p.relationToFirst])).toEqual([
      ['Omar Testsen', null],
      ['Faisal Testsen', 'parent'],
    ]);
    expect(detail.signs).toEqual([
      { code: 'absolute_solutions', tier: 'serious', note: 'Sagt i frikvarteret' },
    ]);
    expect(detail.abilities).toMatchObject({ triage: true, decide: true, reopen: false });

    // The forum does not see it until it handles it.
    expect((await forumMember.get(`/api/inquiries/${receipt.id}`)).statusCode).toBe(404);
    let res = await coordinator.patch(`/api/inquiries/${receipt.id}`, {
      version: detail.version,
      forumId,
    });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json() as typeof detail;
    res = await coordinator.post(`/api/inquiries/${receipt.id}/triage`, {
      version: detail.version,
      seriousness: 'high',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await forumMember.post(`/api/inquiries/${receipt.id}/contributions`, {
      body: 'Kendt i klubben.',
    });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json() as typeof detail;

    res = await coordinator.post(`/api/inquiries/${receipt.id}/decision`, {
      version: detail.version,
      outcome: 'radicalisation',
      reason: 'Konkret og alvorlig bekymring.',
      classification: {
        extremismForm: 'militant_islamism',
        subjectKind: 'family',
        primaryConcern: true,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json() as {
      status: string;
      decisions: { outcome: string; ageGroup: string; caseId: string | null }[];
    };
    expect(decided.status).toBe('decided');
    expect(decided.decisions[0]).toMatchObject({ outcome: 'radicalisation', ageGroup: 'under_18' });
    const caseId = decided.decisions[0]?.caseId ?? '';
    const opened = await forumMember.get(`/api/cases/${caseId}`);
    expect(opened.statusCode).toBe(200);
    expect((opened.json() as { access: { role: string } }).access.role).toBe('forum');
    expect((await caseworker.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('refuses a stale edit with 409 and the current version', async () => {
    const created = await coordinator.post('/api/inquiries', intake(), {
      'idempotency-key': 'test-key-0002-abcdef',
    });
    const id = (created.json() as { id: string }).id;
    const v = ((await coordinator.get(`/api/inquiries/${id}`)).json() as { version: number })
      .version;
    expect(
      (await coordinator.patch(`/api/inquiries/${id}`, { version: v, channel: 'email' }))
        .statusCode,
    ).toBe(200);
    const stale = await coordinator.patch(`/api/inquiries/${id}`, {
      version: v,
      channel: 'letter',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'conflict', meta: { currentVersion: v + 1 } },
    });
  });

  it('leaves the version alone for an edit that changes nothing, and keeps the forum choice to coordinators', async () => {
    const created = await coordinator.post('/api/inquiries', intake(), {
      'idempotency-key': 'test-key-0003-abcdef',
    });
    const id = (created.json() as { id: string }).id;
    let v = ((await coordinator.get(`/api/inquiries/${id}`)).json() as { version: number }).version;
    const same = await coordinator.patch(`/api/inquiries/${id}`, { version: v, channel: 'phone' });
    expect(same.statusCode).toBe(200);
    expect((same.json() as { version: number }).version).toBe(v);
    v = (
      (await coordinator.patch(`/api/inquiries/${id}`, { version: v, forumId })).json() as {
        version: number;
      }
    ).version;
    const other = (await createForum(t.database.db)).id;
    const moved = await forumMember.patch(`/api/inquiries/${id}`, { version: v, forumId: other });
    expect(moved.statusCode).toBe(403);
    const after = (await coordinator.get(`/api/inquiries/${id}`)).json() as {
      version: number;
      forum: { id: string } | null;
    };
    expect(after).toMatchObject({ version: v, forum: { id: forumId } });
  });
});
