import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createForum,
  createInquiryRow,
  createPerson,
  createUnit,
  type Client,
  type ErrorBody,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { deadlineAfter } from './deadline.ts';

/**
 * The assessment of an inquiry over HTTP: who sees it (need-to-know, 404 for everyone else and
 * nothing in their inbox), triage and the deadline (also across daylight-saving changes and with
 * a municipality's own hours), the inbox's order, filters and pages, contributions, the
 * chronology and optimistic locking.
 */
interface Detail {
  id: string;
  version: number;
  status: string;
  seriousness: string | null;
  deadlineAt: string;
  receivedAt: string;
  channel: string;
  observation?: string;
  signs?: unknown[];
  contributions?: { legalBasis: string; body: string }[];
  decisions?: unknown[];
}
interface Inbox {
  items: { id: string; firstPersonName: string | null; otherPersons: number }[];
  nextCursor: string | null;
}

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let forum101 = '';
let forum147 = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const staff = await createUsers(db, {
    coordinator: 'coordinator',
    forum: 'forum_member',
    caseworker: 'caseworker',
    admin: 'municipal_admin',
    coordinator147: ['coordinator', '147'],
    forum147: ['forum_member', '147'],
    coordinator151: ['coordinator', '151'],
  });
  Object.assign(users, staff);
  await logInAll(t, users, as);
  forum101 = (await createForum(db, { members: [staff.forum.id] })).id;
  forum147 = (await createForum(db, { municipalityCode: '147', members: [staff.forum147.id] })).id;
  await db
    .insertInto('municipality_settings')
    .values({ municipality_code: '147', deadline_hours_high: 12, triage_by: 'forum' })
    .execute();
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

const intake = (overrides: Record<string, unknown> = {}) => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  observation: 'Eleven taler om, at en bestemt gruppe bør fjernes med vold.',
  subjectKind: 'person',
  persons: [{ new: { givenName: 'Omar', familyName: 'Testsen' } }],
  signs: [{ code: 'extremist_media', note: null }],
  ...overrides,
});

async function create(as = 'coordinator', overrides: Record<string, unknown> = {}) {
  const res = await caller(as).post('/api/inquiries', intake(overrides), {
    'idempotency-key': `k-${randomUUID()}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
/**
 * An inquiry received and registered at `receivedAt` (a fixed time, to test the clock): created
 * now with a reason for the earlier receipt, then its registration moved to the receipt, so it
 * is not back-dated and its deadlines count from the receipt (issue 12, docs/INQUIRIES.md).
 */
async function createAt(as: string, receivedAt: string, untriagedHours = 24) {
  const id = await create(as, { receivedAt, backdateReason: 'registered_late' });
  const deadline = deadlineAfter(new Date(receivedAt), untriagedHours);
  await t.database.db
    .updateTable('inquiries')
    .set({ created_at: new Date(receivedAt), backdate_reason: null, deadline_at: deadline })
    .where('id', '=', id)
    .execute();
  return id;
}
async function detail(as: string, id: string) {
  const res = await caller(as).get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
/** A change at the current version (as `as` sees it, or the coordinator of `by`). */
async function change(as: string, id: string, path: string, body: object, by = as) {
  const { version } = await detail(by, id);
  const payload = { version, ...body };
  return path === ''
    ? caller(as).patch(`/api/inquiries/${id}`, payload)
    : caller(as).post(`/api/inquiries/${id}${path}`, payload);
}
async function inboxIds(as: string, query = 'status=all') {
  const res = await caller(as).get(`/api/inquiries?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Inbox).items.map((i) => i.id);
}
const noConcern = {
  outcome: 'no_concern',
  reason: 'Ingen bekymring efter samtale med skolen.',
  classification: { subjectKind: 'person' },
};

describe(`inquiry assessment (${testEngine})`, () => {
  it('shows an inquiry to its coordinators and the handling forum only, until decided', async () => {
    const id = await create('coordinator');
    const full = await detail('coordinator', id);
    for (const field of ['observation', 'signs', 'contributions', 'decisions'] as const) {
      expect(full).toHaveProperty(field);
    }
    expect((await caller('forum').get(`/api/inquiries/${id}`)).statusCode).toBe(404);
    expect(await inboxIds('forum')).not.toContain(id);
    for (const name of ['caseworker', 'coordinator147']) {
      expect((await caller(name).get(`/api/inquiries/${id}`)).statusCode).toBe(404);
      expect((await caller(name).get(`/api/inquiries/${id}/history`)).statusCode).toBe(404);
      expect(await inboxIds(name)).not.toContain(id);
    }
    expect(await inboxIds('caseworker')).toEqual([]);
    expect((await caller('admin').get(`/api/inquiries/${id}`)).statusCode).toBe(403);
    expect((await caller('admin').get('/api/inquiries')).statusCode).toBe(403);

    expect((await change('coordinator', id, '', { forumId: forum101 })).statusCode).toBe(200);
    const seen = await detail('forum', id);
    expect(seen.observation).toContain('fjernes med vold');
    for (const field of ['signs', 'contributions', 'decisions'] as const) {
      expect(seen).toHaveProperty(field);
    }
    expect(await inboxIds('forum')).toContain(id);

    const decided = await change('coordinator', id, '/decision', noConcern);
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await caller('forum').get(`/api/inquiries/${id}`)).statusCode).toBe(404);
    expect(await inboxIds('forum')).not.toContain(id);
    expect((await detail('coordinator', id)).status).toBe('decided');
  });

  it('triages: seriousness, the deadline from when it was received, reminders again', async () => {
    const receivedAt = '2026-11-02T10:30:00.000Z';
    const id = await createAt('coordinator', receivedAt);
    for (const [seriousness, hours] of [
      ['low', 72],
      ['medium', 48],
      ['high', 24],
    ] as const) {
      await t.database.db
        .updateTable('inquiries')
        .set({ reminder_sent_at: new Date(), overdue_notified_at: new Date() })
        .where('id', '=', id)
        .execute();
      const res = await change('coordinator', id, '/triage', { seriousness });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'triaged',
        seriousness,
        deadlineAt: deadlineAfter(new Date(receivedAt), hours).toISOString(),
      });
      const row = await t.database.db
        .selectFrom('inquiries')
        .select(['reminder_sent_at', 'overdue_notified_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ reminder_sent_at: null, overdue_notified_at: null });
    }
    // Triage is the coordinator's here: the handling forum may not.
    // Correcting when it was received moves the deadline with it.
    const moved = await change('coordinator', id, '', { receivedAt: '2026-11-02T08:00:00Z' });
    expect(moved.json()).toMatchObject({ deadlineAt: '2026-11-03T08:00:00.000Z' });
    await change('coordinator', id, '', { forumId: forum101 });
    const refused = await change('forum', id, '/triage', { seriousness: 'low' });
    expect(refused.statusCode).toBe(403);
    expect((await detail('coordinator', id)).seriousness).toBe('high');
  });

  it("honours the municipality's own hours and lets the forum triage where it decides so", async () => {
    const receivedAt = '2026-11-02T10:30:00.000Z';
    const id = await createAt('coordinator147', receivedAt, 12);
    expect((await detail('coordinator147', id)).deadlineAt).toBe('2026-11-02T22:30:00.000Z');
    await change('coordinator147', id, '', { forumId: forum147 });
    const res = await change('forum147', id, '/triage', { seriousness: 'high' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      seriousness: 'high',
      deadlineAt: '2026-11-02T22:30:00.000Z',
    });
    const medium = await change('forum147', id, '/triage', { seriousness: 'medium' });
    expect((medium.json() as Detail).deadlineAt).toBe('2026-11-04T10:30:00.000Z');
  });

  it.each([
    ['spring forward', '2026-03-28T09:00:00Z', '2026-03-29T08:00:00.000Z'],
    ['fall back', '2026-10-24T14:15:00Z', '2026-10-25T15:15:00.000Z'],
  ])('keeps the office-clock time across %s', async (_name, receivedAt, deadline) => {
    const id = await createAt('coordinator', receivedAt);
    const res = await change('coordinator', id, '/triage', { seriousness: 'high' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).deadlineAt).toBe(deadline);
  });

  it('lists the inbox by deadline, filters it, pages it and audits the persons shown', async () => {
    const db = t.database.db;
    const by = users.coordinator151?.id ?? '';
    const unit = await createUnit(db, { municipalityCode: '151' });
    const hour = 3_600_000;
    const soon = new Date(Date.now() + hour);
    const person = async () => (await createPerson(db, { municipalityCode: '151' })).id;
    const row = async (deadlineAt: Date, status = 'received', persons?: string[]) =>
      (
        await createInquiryRow(db, {
          createdBy: by,
          municipalityCode: '151',
          deadlineAt,
          status,
          persons: persons ?? [await person()],
        })
      ).id;
    const twoPersons = [await person(), await person()];
    const overdue = await row(new Date(Date.now() - hour), 'triaged', twoPersons);
    const tieA = await row(soon);
    const tieB = await row(soon);
    const later = await row(new Date(Date.now() + 2 * hour), 'triaged');
    // Decided after its deadline: not overdue any more.
    const decided = await row(new Date(Date.now() - 2 * hour), 'decided');
    await db
      .updateTable('inquiries')
      .set({ seriousness: 'high', source: 'police' })
      .where('id', '=', overdue)
      .execute();
    await db.updateTable('inquiries').set({ seriousness: 'low' }).where('id', '=', later).execute();
    await db
      .updateTable('inquiries')
      .set({ recorded_unit_id: unit.id })
      .where('id', '=', tieA)
      .execute();
    const ties = [tieA, tieB].sort();
    const open = [overdue, ...ties, later];

    expect(await inboxIds('coordinator151', '')).toEqual(open);
    expect(await inboxIds('coordinator151')).toEqual([decided, ...open]);
    expect(await inboxIds('coordinator151', 'status=decided')).toEqual([decided]);
    expect(await inboxIds('coordinator151', 'status=triaged')).toEqual([overdue, later]);
    expect(await inboxIds('coordinator151', 'seriousness=untriaged')).toEqual(ties);
    expect(await inboxIds('coordinator151', 'seriousness=high')).toEqual([overdue]);
    expect(await inboxIds('coordinator151', 'source=police')).toEqual([overdue]);
    expect(await inboxIds('coordinator151', 'overdue=true')).toEqual([overdue]);
    expect(await inboxIds('coordinator151', 'overdue=false')).toEqual([...ties, later]);
    expect(await inboxIds('coordinator151', 'status=all&overdue=true')).toEqual([overdue]);
    expect(await inboxIds('coordinator151', 'status=decided&overdue=false')).toEqual([decided]);
    expect(await inboxIds('coordinator151', `unitId=${unit.id}`)).toEqual([tieA]);

    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const res = await caller('coordinator151').get(
        `/api/inquiries?status=all&limit=2${after ? `&after=${after}` : ''}`,
      );
      const body = res.json() as Inbox;
      expect(body.items.length).toBeLessThanOrEqual(2);
      walked.push(...body.items.map((i) => i.id));
      after = body.nextCursor;
      if (!after) break;
    }
    expect(walked).toEqual([decided, ...open]);
    expect(new Set(walked).size).toBe(walked.length);

    const bad = await caller('coordinator151').get('/api/inquiries?after=bm90LWpzb24');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorBody).error.fields).toEqual([
      expect.objectContaining({ field: 'query.after' }),
    ]);

    const res = await caller('coordinator151').get('/api/inquiries?limit=1');
    expect((res.json() as Inbox).items).toEqual([
      expect.objectContaining({ id: overdue, otherPersons: 1 }),
    ]);
    const audit = await auditRowsOf(db, res);
    expect(audit.map((a) => [a.action, a.resource_id, a.subject_person_id])).toEqual([
      ['search', overdue, twoPersons[0]],
    ]);
  });

  it('records contributions under §115 by default as a disclosure, from own units only', async () => {
    const id = await create('coordinator');
    const res = await caller('coordinator').post(`/api/inquiries/${id}/contributions`, {
      body: 'Kendt af SSP for uro i klubben.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).contributions).toEqual([
      expect.objectContaining({ legalBasis: 'rpl_115', body: 'Kendt af SSP for uro i klubben.' }),
    ]);
    const disclose = (await auditRowsOf(t.database.db, res)).filter((a) => a.action === 'disclose');
    expect(disclose).toEqual([
      expect.objectContaining({
        resource_type: 'inquiry',
        resource_id: id,
        legal_basis: 'rpl_115',
      }),
    ]);
    const foreignUnit = await createUnit(t.database.db);
    const refused = await caller('coordinator').post(`/api/inquiries/${id}/contributions`, {
      body: 'Fra en anden enhed.',
      unitId: foreignUnit.id,
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as ErrorBody).error.fields).toEqual([
      expect.objectContaining({ field: 'body.unitId' }),
    ]);
    expect((await detail('coordinator', id)).contributions).toHaveLength(1);
  });

  it('keeps a chronology of who changed what, and refuses a stale edit', async () => {
    const id = await create('coordinator');
    const v1 = (await detail('coordinator', id)).version;
    expect((await change('coordinator', id, '', { channel: 'email' })).statusCode).toBe(200);
    expect((await change('coordinator', id, '/triage', { seriousness: 'medium' })).statusCode).toBe(
      200,
    );
    await caller('coordinator').post(`/api/inquiries/${id}/contributions`, { body: 'Bidrag.' });
    const current = await detail('coordinator', id);

    const stale = await caller('coordinator').patch(`/api/inquiries/${id}`, {
      version: v1,
      channel: 'letter',
      observation: 'Overskrevet',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error).toMatchObject({
      code: 'conflict',
      meta: { currentVersion: current.version },
    });
    const after = await detail('coordinator', id);
    expect(after).toMatchObject({ version: current.version, channel: 'email' });
    expect(after.observation).toBe(current.observation);

    expect((await change('coordinator', id, '/decision', noConcern)).statusCode).toBe(200);
    const history = await caller('coordinator').get(`/api/inquiries/${id}/history`);
    expect(history.statusCode).toBe(200);
    const events = (
      history.json() as { events: { kind: string; changes: Record<string, unknown> }[] }
    ).events;
    expect(events.map((e) => e.kind)).toEqual([
      'created',
      'updated',
      'triaged',
      'contribution_added',
      'decided',
    ]);
    expect(events[1]?.changes).toEqual({ channel: { from: 'phone', to: 'email' } });
    expect(events[2]?.changes).toMatchObject({ seriousness: { from: null, to: 'medium' } });
    expect(events[3]?.changes).toMatchObject({ legalBasis: 'rpl_115' });
    expect(events[4]?.changes).toMatchObject({ outcome: 'no_concern', awaitingApproval: false });
  });
});
