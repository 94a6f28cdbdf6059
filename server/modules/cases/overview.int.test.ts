import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import {
  auditRowsOf,
  client,
  countOf,
  createCase,
  createPerson,
  fieldsOf,
  registerPerson,
  type Client,
} from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { refreshNextFollowUpsOfMunicipality } from './queries-case-rows.ts';

/**
 * The case overview (issue 12): every case the caller may see with the columns a coordinator
 * steers by, filters, four sorts with keyset pages, and the search by reference, name and CPR
 * number (POST, exact CPR through its digest) with its audit entries.
 */
const CPR = '140310-9377';

let t: TestApp;
let me: TestUser;
let colleague: TestUser;
let outsider147: TestUser;
let asMe: Client;
let asMentor: Client;
let overdueCase: { id: string; reference: string };
let calmCase: { id: string; reference: string };
let colleagueCase: { id: string; reference: string };
let mentorCase: { id: string; reference: string };
let hidden: { id: string; reference: string };

interface Item {
  id: string;
  reference: string;
  citizen: { name: string } | null;
  concernLevel: string | null;
  concernDirection: string | null;
  coordinators: string | null;
  nextFollowUpOn: string | null;
  overdue: boolean;
  openInterventions: number;
  lastContactOn: string | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ids = (page: Page) => page.items.map((i) => i.id);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  me = await createUser(db, { roles: ['coordinator'] });
  colleague = await createUser(db, { roles: ['coordinator'] });
  const mentor = await createUser(db, { roles: ['mentor'] });
  outsider147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const mira = await registerPerson(db, {
    createdBy: me.id,
    givenName: 'Mira',
    familyName: 'Østergaard',
    cpr: CPR,
  });
  const jonas = await createPerson(db, { givenName: 'Jonas', familyName: 'Lykke' });
  const hans = await createPerson(db, { givenName: 'Hans', familyName: 'Vang' });
  const other = await createPerson(db, { givenName: 'Mira', familyName: 'Skjult' });
  overdueCase = await createCase(db, {
    persons: [{ id: mira.id }],
    members: [{ userId: me.id, role: 'coordinator' }],
  });
  calmCase = await createCase(db, {
    persons: [{ id: jonas.id }],
    members: [
      { userId: me.id, role: 'coordinator' },
      { userId: colleague.id, role: 'coordinator' },
    ],
  });
  colleagueCase = await createCase(db, {
    persons: [{ id: hans.id }],
    members: [
      { userId: colleague.id, role: 'coordinator' },
      { userId: me.id, role: 'forum' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  mentorCase = colleagueCase;
  hidden = await createCase(db, {
    persons: [{ id: other.id }],
    members: [{ userId: colleague.id, role: 'coordinator' }],
  });
  await db
    .updateTable('cases')
    .set({ concern_level: 'high', opened_at: new Date(Date.now() - 3 * 86_400_000) })
    .where('id', '=', overdueCase.id)
    .execute();
  await db
    .updateTable('cases')
    .set({ concern_level: 'low', opened_at: new Date(Date.now() - 2 * 86_400_000) })
    .where('id', '=', calmCase.id)
    .execute();
  const held = (caseId: string, daysAgo: number, level: string, change: string) => ({
    case_id: caseId,
    due_on: day(-daysAgo),
    status: 'done',
    held_on: day(-daysAgo),
    concern_level: level,
    concern_change: change,
    recorded_at: new Date(),
  });
  await db
    .insertInto('case_follow_ups')
    .values([
      { case_id: overdueCase.id, due_on: day(-5) },
      { case_id: overdueCase.id, due_on: day(20) },
      held(overdueCase.id, 40, 'high', 'up'),
      { case_id: calmCase.id, due_on: day(10) },
      held(calmCase.id, 9, 'low', 'down'),
    ])
    .execute();
  // Loaded straight into the table: the case's next due follow-up is recomputed as a writer would.
  await refreshNextFollowUpsOfMunicipality(db, '101');
  const type = await db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: 'overview_mentor',
      name: 'Mentor',
      level: 'intervening',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const intervention = await db
    .insertInto('case_interventions')
    .values({
      case_id: overdueCase.id,
      intervention_type_id: type.id,
      person_id: mira.id,
      status: 'active',
      created_by: me.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('intervention_sessions')
    .values({
      intervention_id: intervention.id,
      held_on: day(-2),
      note: 'Samtale.',
      author_user_id: me.id,
    })
    .execute();
  asMe = client(t.app, await login(t.app, me));
  asMentor = client(t.app, await login(t.app, mentor));
});
afterAll(() => t.close());

const list = async (c: Client, query = '') => {
  const res = await c.get(`/api/cases${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};
const search = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/cases/search', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('the case overview', () => {
  it('shows every case the caller may see with the columns a coordinator steers by, and no other', async () => {
    const page = await list(asMe);
    expect(ids(page)).toEqual([colleagueCase.id, calmCase.id, overdueCase.id]);
    expect(ids(page)).not.toContain(hidden.id);
    const overdue = page.items.find((i) => i.id === overdueCase.id);
    expect(overdue).toMatchObject({
      citizen: { name: 'Mira Østergaard' },
      concernLevel: 'high',
      concernDirection: 'up',
      nextFollowUpOn: day(-5),
      overdue: true,
      openInterventions: 1,
      lastContactOn: day(-2),
    });
    const calm = page.items.find((i) => i.id === calmCase.id);
    expect(calm).toMatchObject({
      concernDirection: 'down',
      overdue: false,
      lastContactOn: day(-9),
    });
    expect(calm?.coordinators?.split(', ')).toHaveLength(2);
  });

  it('gives intervention-scoped members the case without the citizen', async () => {
    const page = await list(asMentor);
    expect(ids(page)).toEqual([mentorCase.id]);
    expect(page.items[0]?.citizen).toBeNull();
  });

  it('filters by status, concern level, overdue, my cases as coordinator and a coordinator', async () => {
    expect(ids(await list(asMe, '?concernLevel=low'))).toEqual([calmCase.id]);
    expect(ids(await list(asMe, '?overdue=true'))).toEqual([overdueCase.id]);
    expect(ids(await list(asMe, '?overdue=false'))).toEqual([colleagueCase.id, calmCase.id]);
    expect(ids(await list(asMe, '?mine=true'))).toEqual([calmCase.id, overdueCase.id]);
    expect(ids(await list(asMe, `?coordinatorId=${colleague.id}`))).toEqual([
      colleagueCase.id,
      calmCase.id,
    ]);
    expect(ids(await list(asMe, '?status=closed'))).toEqual([]);
  });

  it('refuses a coordinator filter naming a user of another municipality like an unknown id', async () => {
    const foreign = await asMe.get(`/api/cases?coordinatorId=${outsider147.id}`);
    const unknown = await asMe.get('/api/cases?coordinatorId=00000000-0000-4000-8000-000000000000');
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign)).toEqual(['query.coordinatorId:record_not_found']);
    expect(unknown.json()).toMatchObject({ error: { fields: foreign.json().error.fields } });
  });

  it('sorts by next follow-up, last contact and reference, each paged by its own keyset', async () => {
    for (const [sort, expected] of [
      ['nextFollowUp', [overdueCase.id, calmCase.id, colleagueCase.id]],
      ['lastContact', [colleagueCase.id, calmCase.id, overdueCase.id]],
      ['reference', [overdueCase.id, calmCase.id, colleagueCase.id]],
      ['opened', [colleagueCase.id, calmCase.id, overdueCase.id]],
    ] as const) {
      const seen: string[] = [];
      let after = '';
      for (let i = 0; i < 4; i++) {
        const page = await list(asMe, `?sort=${sort}&limit=1${after}`);
        seen.push(...ids(page));
        if (!page.nextCursor) break;
        after = `&after=${page.nextCursor}`;
      }
      expect(seen, sort).toEqual(expected);
    }
  });

  it("refuses another sort's cursor with a message on query.after", async () => {
    const page = await list(asMe, '?sort=reference&limit=1');
    const res = await asMe.get(`/api/cases?sort=opened&after=${page.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['query.after:invalid_cursor']);
  });
});

describe('searching the overview', () => {
  it('finds a case by the start of its reference, in the query string', async () => {
    const prefix = overdueCase.reference.slice(0, -1);
    const page = await list(asMe, `?reference=${prefix}`);
    expect(ids(page)).toContain(overdueCase.id);
    expect(ids(page)).not.toContain(hidden.id);
  });

  it('finds a case by a name among the visible cases only, and audits the search without its text', async () => {
    const res = await asMe.post('/api/cases/search', { text: 'mira Øster' });
    expect(res.statusCode).toBe(200);
    expect(ids(res.json() as Page)).toEqual([overdueCase.id]);
    const rows = await auditRowsOf(t.database.db, res);
    const summary = rows.find((r) => r.resource_id === null);
    expect(summary).toMatchObject({ action: 'search', details: { searchBy: 'name', hits: 1 } });
    expect(JSON.stringify(rows)).not.toContain('mira');
    expect(rows.filter((r) => r.resource_id === overdueCase.id)).toHaveLength(1);
  });

  it('finds a case by the exact CPR number, and not by part of it', async () => {
    expect(ids(await search(asMe, { text: CPR }))).toEqual([overdueCase.id]);
    expect(ids(await search(asMe, { text: CPR.replace('-', '') }))).toEqual([overdueCase.id]);
    expect(ids(await search(asMe, { text: '140310-9378' }))).toEqual([]);
  });

  it('never finds a case by name for an intervention-scoped member', async () => {
    expect(ids(await search(asMentor, { text: 'Hans Vang' }))).toEqual([]);
  });

  it('combines the search with the filters', async () => {
    expect(ids(await search(asMe, { text: 'Mira', overdue: false }))).toEqual([]);
    expect(ids(await search(asMe, { text: overdueCase.reference, mine: true }))).toEqual([
      overdueCase.id,
    ]);
  });

  it('answers a malformed CPR number with a Danish message on the field, and stores nothing', async () => {
    const before = await countOf(t.database.db, 'select count(*)::int as n from audit_log');
    const res = await asMe.post(
      '/api/cases/search',
      { text: '311303-1234' },
      {
        'accept-language': 'da',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.text:invalid_cpr']);
    expect(res.json().error.fields[0].message).toMatch(/CPR-nummeret er ikke gyldigt/);
    expect(await countOf(t.database.db, 'select count(*)::int as n from audit_log')).toBe(before);
  });
});
