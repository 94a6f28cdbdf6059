import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  countOf,
  createCase,
  createInquiryRow,
  fieldsOf,
  registerPerson,
  type ErrorBody,
} from '../../test/records.ts';
import { createPersonRegister, type PersonRegister } from '../../test/person-register.ts';
import { createUser, login } from '../../test/users.ts';
import { client } from '../../test/records.ts';

/**
 * Finding persons (POST /api/persons/search): by name, CPR number and birth date, only among the
 * persons the caller may see (a full-scope case, or an open inquiry), keyset-paginated, each
 * person shown audited as a search; bad input is a Danish field message and stores nothing.
 */
interface Found {
  id: string;
  name: string;
  birthDate: string | null;
  cases: { id: string; reference: string }[];
  inquiries: { id: string; reference: string }[];
}

const CPR = '150310-4321';

let t: TestApp;
let caller: PersonRegister['caller'];
let persons: PersonRegister['persons'];
let users: PersonRegister['users'];
let narrow: ReturnType<typeof client>;
let inquiryPerson: { id: string };
let openInquiry: { id: string; reference: string };
let decidedPerson: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  ({ users, caller, persons } = await createPersonRegister(t.app, db, CPR));
  // A member with intervention scope sees no person of the case (person-access.ts).
  const intervention = await createUser(db, { roles: ['caseworker'] });
  await createCase(db, {
    persons: [{ id: persons.hidden.id }],
    members: [{ userId: intervention.id, role: 'member', scope: 'intervention' }],
  });
  narrow = client(t.app, await login(t.app, intervention));
  const createdBy = users.coordinator!.id;
  inquiryPerson = await registerPerson(db, {
    createdBy,
    givenName: 'Yasmin',
    familyName: 'Søgaard',
  });
  openInquiry = await createInquiryRow(db, { createdBy, persons: [inquiryPerson.id] });
  decidedPerson = await registerPerson(db, {
    createdBy,
    givenName: 'Yasmin',
    familyName: 'Afgjort',
  });
  await createInquiryRow(db, { createdBy, persons: [decidedPerson.id], status: 'decided' });
});
afterAll(() => t.close());

async function search(name: string, body: Record<string, unknown>) {
  const res = await caller(name).post('/api/persons/search', body);
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.json() as { items: Found[]; nextCursor: string | null } };
}

const ids = (items: Found[]) => items.map((i) => i.id).sort();

describe(`finding persons (${testEngine})`, () => {
  it('finds a name in any case and anywhere in given or family name, with the case it is seen through', async () => {
    const all = await search('coordinator', { name: 'KJÆRGÅRD' });
    expect(all.body.items).toHaveLength(3);
    for (const name of ['åse', 'ÅSE KJÆR', 'gård åse']) {
      const { body } = await search('coordinator', { name });
      expect(ids(body.items)).toEqual([persons.aase.id, persons.noCpr.id].sort());
    }
    const { body } = await search('coordinator', { name: 'Birthe' });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: persons.parent.id, name: 'Birthe Kjærgård' });
    expect(body.items[0]?.cases).toHaveLength(1);
    expect(body.items[0]?.cases[0]?.reference).toMatch(/^S-2026-/);
    expect(body.items[0]?.inquiries).toEqual([]);
  });

  it('finds a CPR number exactly (with or without the dash) and a birth date, in the own municipality only', async () => {
    for (const cpr of [CPR, '1503104321']) {
      const { body, res } = await search('coordinator', { cpr });
      expect(ids(body.items)).toEqual([persons.aase.id]);
      expect(res.body).not.toContain('4321');
    }
    const born = await search('coordinator', { birthDate: '2010-03-15' });
    expect(ids(born.body.items)).toEqual([persons.aase.id, persons.noCpr.id].sort());
    const both = await search('coordinator', { name: 'holm', birthDate: '2010-03-15' });
    expect(ids(both.body.items)).toEqual([persons.noCpr.id]);
    const there = await search('coordinator147', { cpr: CPR });
    expect(ids(there.body.items)).toEqual([persons.other147.id]);
  });

  it('never returns a person the caller may not see: not a member, intervention scope, a decided inquiry (ASVS 8.2.2)', async () => {
    expect((await search('outsider', { cpr: CPR })).body.items).toEqual([]);
    expect((await search('outsider', { name: 'Kjærgård' })).body.items).toEqual([]);
    expect((await search('coordinator', { name: 'Skjult' })).body.items).toEqual([]);
    const res = await narrow.post('/api/persons/search', { name: 'Skjult Person' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: Found[] }).items).toEqual([]);
    expect((await caller('hotline').post('/api/persons/search', { cpr: CPR })).statusCode).toBe(
      403,
    );
  });

  it('finds a person of an open inquiry through that inquiry, and not once it is decided', async () => {
    const { body } = await search('coordinator', { name: 'Yasmin' });
    expect(body.items).toEqual([
      {
        id: inquiryPerson.id,
        name: 'Yasmin Søgaard',
        birthDate: null,
        cases: [],
        inquiries: [{ id: openInquiry.id, reference: openInquiry.reference }],
      },
    ]);
    expect(ids(body.items)).not.toContain(decidedPerson.id);
  });

  it('pages through the hits with a cursor, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { items: Found[]; nextCursor: string | null } } = await search(
        'coordinator',
        { name: 'kjærgård', limit: 1, ...(after && { after }) },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((i) => i.id));
      after = page.body.nextCursor;
    } while (after);
    expect(seen.sort()).toEqual([persons.aase.id, persons.noCpr.id, persons.parent.id].sort());
  });

  it('lists the hits by family name, then given name, and pages on that order', async () => {
    const db = t.database.db;
    const createdBy = users.coordinator!.id;
    // Registered in another order than their names', so registration order would show.
    const carl = await registerPerson(db, { createdBy, givenName: 'Carl', familyName: 'Rytter' });
    const bo = await registerPerson(db, { createdBy, givenName: 'Bo', familyName: 'Rytterholm' });
    const anna = await registerPerson(db, { createdBy, givenName: 'Anna', familyName: 'Rytter' });
    await createCase(db, {
      persons: [{ id: carl.id }, { id: bo.id, role: 'sibling' }, { id: anna.id, role: 'sibling' }],
      members: [{ userId: createdBy, role: 'coordinator' }],
    });
    const all = await search('coordinator', { name: 'rytter' });
    expect(all.body.items.map((i) => i.name)).toEqual([
      'Anna Rytter',
      'Carl Rytter',
      'Bo Rytterholm',
    ]);

    const first = await search('coordinator', { name: 'rytter', limit: 2 });
    expect(first.body.items.map((i) => i.id)).toEqual([anna.id, carl.id]);
    // The cursor holds the last id only: no name travels in it.
    const cursor = first.body.nextCursor ?? '';
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe(JSON.stringify({ id: carl.id }));
    const second = await search('coordinator', { name: 'rytter', limit: 2, after: cursor });
    expect(second.body.items.map((i) => i.id)).toEqual([bo.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('positions nothing after a person the caller may not see, and refuses a cursor that is not one', async () => {
    const hiddenCursor = Buffer.from(JSON.stringify({ id: persons.hidden.id })).toString(
      'base64url',
    );
    const hidden = await search('coordinator', { name: 'kjærgård', after: hiddenCursor });
    expect(hidden.body.items).toEqual([]);
    const bad = await caller('coordinator').post('/api/persons/search', {
      name: 'kjærgård',
      after: Buffer.from('{"id":"x"}').toString('base64url'),
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.after:invalid_cursor']);
  });

  it('audits each person shown as a search through its case, never the search text; no hits, no entry', async () => {
    const { res } = await search('coordinator', { name: 'Birthe Kjærgård' });
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'search',
      resource_type: 'person',
      subject_person_id: persons.parent.id,
      municipality_code: '101',
    });
    expect(JSON.stringify(rows[0]?.details)).not.toMatch(/Birthe/i);
    expect(rows[0]?.details).toMatchObject({ matchedOn: 'name' });
    const none = await search('outsider', { name: 'Kjærgård' });
    expect(await auditRowsOf(t.database.db, none.res)).toHaveLength(0);
  });

  it('answers a malformed CPR number or an empty search with a Danish field message and stores nothing', async () => {
    const before = await countOf(t.database.db, 'select count(*)::int as n from audit_log');
    const bad = await caller('coordinator').post('/api/persons/search', { cpr: '321399-1234' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.cpr:invalid_cpr']);
    expect((bad.json() as ErrorBody).error.fields?.[0]?.message).toMatch(/CPR-nummeret er ikke/);
    const empty = await caller('coordinator').post('/api/persons/search', { name: '  ' });
    expect(fieldsOf(empty)).toEqual(['body.name:search_criteria_missing']);
    expect((empty.json() as ErrorBody).error.fields?.[0]?.message).toMatch(/Skriv et navn/);
    const short = await caller('coordinator').post('/api/persons/search', { name: 'Å' });
    expect(fieldsOf(short)).toEqual(['body.name:search_name_short']);
    const unknown = await caller('coordinator').post('/api/persons/search', { q: 'Åse' });
    expect(unknown.statusCode).toBe(400);
    expect(await countOf(t.database.db, 'select count(*)::int as n from audit_log')).toBe(before);
  });
});
