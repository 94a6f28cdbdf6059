import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  countOf,
  createForum,
  createInquiryRow,
  fieldsOf,
  registerPerson,
  type ErrorBody,
} from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';

/**
 * The inbox's text search: the start of a reference (also in the address), a person's name or
 * CPR number in a POST body with the inbox's filters, only among the inquiries the caller may
 * see, audited as searches without the text; a malformed CPR number is a Danish field message.
 */
interface Item {
  id: string;
  reference: string;
  firstPersonName: string | null;
}
type Page = { items: Item[]; nextCursor: string | null };

const CPR = '020304-1234';

let t: TestApp;
let coordinator: ReturnType<typeof client>;
let forumMember: ReturnType<typeof client>;
let otherForum: ReturnType<typeof client>;
let hotline: ReturnType<typeof client>;
let coordinator147: ReturnType<typeof client>;
let sara: { id: string; reference: string };
let saraDecided: { id: string; reference: string };
let jonas: { id: string; reference: string };
let sara147: { id: string; reference: string };

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coord = await createUser(db, { roles: ['coordinator'] });
  const forum = await createUser(db, { roles: ['forum_member'] });
  const other = await createUser(db, { roles: ['forum_member'] });
  const hot = await createUser(db, { roles: ['hotline'] });
  const coord147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const forumId = (await createForum(db, { members: [forum.id] })).id;
  await createForum(db, { members: [other.id] });
  const createdBy = coord.id;
  const saraP = await registerPerson(db, {
    createdBy,
    givenName: 'Sara',
    familyName: 'Østergaard',
    cpr: CPR,
  });
  const jonasP = await registerPerson(db, { createdBy, givenName: 'Jonas', familyName: 'Bæk' });
  const sara147P = await registerPerson(db, {
    createdBy: coord147.id,
    municipalityCode: '147',
    givenName: 'Sara',
    familyName: 'Østergaard',
    cpr: CPR,
  });
  sara = await createInquiryRow(db, { createdBy, persons: [saraP.id], forumId });
  saraDecided = await createInquiryRow(db, {
    createdBy,
    persons: [saraP.id],
    forumId,
    status: 'decided',
  });
  jonas = await createInquiryRow(db, {
    createdBy,
    persons: [jonasP.id],
    deadlineAt: new Date(Date.now() - 3_600_000),
  });
  sara147 = await createInquiryRow(db, {
    createdBy: coord147.id,
    municipalityCode: '147',
    persons: [sara147P.id],
  });
  coordinator = client(t.app, await login(t.app, coord));
  forumMember = client(t.app, await login(t.app, forum));
  otherForum = client(t.app, await login(t.app, other));
  hotline = client(t.app, await login(t.app, hot));
  coordinator147 = client(t.app, await login(t.app, coord147));
});
afterAll(() => t.close());

async function searchAs(who: ReturnType<typeof client>, body: Record<string, unknown>) {
  const res = await who.post('/api/inquiries/search', { status: 'all', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return { res, page: res.json() as Page };
}
const refs = (page: Page) => page.items.map((i) => i.reference).sort();

describe(`inbox search (${testEngine})`, () => {
  it("finds a person's name in any case, with the inbox's filters", async () => {
    for (const text of ['sara', 'ØSTERGAARD', 'ergaard sa']) {
      expect(refs((await searchAs(coordinator, { text })).page)).toEqual(
        [sara.reference, saraDecided.reference].sort(),
      );
    }
    const open = await searchAs(coordinator, { text: 'Sara', status: 'open' });
    expect(refs(open.page)).toEqual([sara.reference]);
    const overdue = await searchAs(coordinator, { text: 'bæk', overdue: 'true' });
    expect(refs(overdue.page)).toEqual([jonas.reference]);
    expect((await searchAs(coordinator, { text: 'Sara', overdue: 'true' })).page.items).toEqual([]);
    const byPhone = await searchAs(coordinator, { text: 'Jonas', channel: 'phone' });
    expect(refs(byPhone.page)).toEqual([jonas.reference]);
    expect((await searchAs(coordinator, { text: 'Jonas', channel: 'email' })).page.items).toEqual(
      [],
    );
  });

  it('finds a CPR number exactly, in the own municipality only', async () => {
    for (const text of [CPR, '0203041234']) {
      const { res, page } = await searchAs(coordinator, { text });
      expect(refs(page)).toEqual([sara.reference, saraDecided.reference].sort());
      expect(res.body).not.toContain('1234');
    }
    expect(refs((await searchAs(coordinator147, { text: CPR })).page)).toEqual([sara147.reference]);
    expect((await searchAs(coordinator, { text: '020304-1235' })).page.items).toEqual([]);
  });

  it('finds the start of a reference, in the body or in the address', async () => {
    const prefix = sara.reference.slice(0, -1);
    const body = await searchAs(coordinator, { text: sara.reference.toLowerCase() });
    expect(refs(body.page)).toEqual([sara.reference]);
    const res = await coordinator.get(`/api/inquiries?status=all&reference=${sara.reference}`);
    expect(refs(res.json() as Page)).toEqual([sara.reference]);
    const some = await coordinator.get(`/api/inquiries?status=all&reference=${prefix}`);
    expect(refs(some.json() as Page)).toContain(sara.reference);
    expect((await searchAs(coordinator, { text: 'H-1999' })).page.items).toEqual([]);
  });

  it('never finds an inquiry the caller may not see: another forum, a decided one, another municipality (ASVS 8.2.2)', async () => {
    expect(refs((await searchAs(forumMember, { text: 'Sara' })).page)).toEqual([sara.reference]);
    expect((await searchAs(forumMember, { text: 'Jonas' })).page.items).toEqual([]);
    expect((await searchAs(otherForum, { text: CPR })).page.items).toEqual([]);
    expect((await searchAs(coordinator147, { text: 'Jonas' })).page.items).toEqual([]);
    const denied = await hotline.post('/api/inquiries/search', { text: 'Sara' });
    expect(denied.statusCode).toBe(403);
  });

  it('audits each person shown as a search with what it matched on, never the text', async () => {
    const { res } = await searchAs(coordinator, { text: CPR });
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'search', resource_type: 'inquiry' });
      expect(row.details).toEqual({ matchedOn: 'cpr' });
    }
    expect(JSON.stringify(rows)).not.toContain('1234');
    const none = await searchAs(coordinator, { text: 'Ingen Findes' });
    expect(await auditRowsOf(t.database.db, none.res)).toHaveLength(0);
  });

  it('answers a malformed CPR number with a Danish message on the field and stores nothing', async () => {
    const before = await countOf(t.database.db, 'select count(*)::int as n from audit_log');
    for (const text of ['320304-1234', '0203041', '2026-0001']) {
      const res = await coordinator.post('/api/inquiries/search', { text });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['body.text:invalid_cpr']);
      expect((res.json() as ErrorBody).error.fields?.[0]?.message).toMatch(/CPR-nummeret/);
    }
    const empty = await coordinator.post('/api/inquiries/search', { text: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(await countOf(t.database.db, 'select count(*)::int as n from audit_log')).toBe(before);
  });
});
