import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from './schema.ts';
import { migrate, readMigrations } from './migrate.ts';
import { freshDatabase, freshDatabasePerTest, testEngine } from '../../test/database.ts';
import { createCase, createInquiryRow, createPerson } from '../../test/records.ts';
import { createUser } from '../../test/users.ts';

/**
 * The tenant key (docs/ARCHITECTURE.md "The tenant key", db/migrations/0015_tenant_key.sql):
 * every table with personal data carries `municipality_code`, and a row never crosses
 * municipalities. Read from the live schema, so a new table with a personal-data column fails
 * here until it carries the key (or is listed below with the reason it does not).
 */

/** A user of 147, a person, a case about them (the user its coordinator) and an inquiry. */
async function recordsOf147(db: Kysely<DB>) {
  const user = await createUser(db, { municipalityCode: '147' });
  const person = await createPerson(db, { municipalityCode: '147' });
  const kase = await createCase(db, {
    municipalityCode: '147',
    persons: [{ id: person.id }],
    members: [{ userId: user.id, role: 'coordinator' }],
  });
  const inquiry = await createInquiryRow(db, {
    createdBy: user.id,
    municipalityCode: '147',
    persons: [person.id],
  });
  return { user, person, kase, inquiry };
}

/** Carried the key from the start; the key never changes. */
const ROOTS: Record<string, string> = {
  persons: 'a citizen or someone around them: name, birth date, CPR number, address',
  cases: 'the case: the concern, the work summary, the classification',
  inquiries: 'the concern as reported: observation, reporter, subject',
};

/** Rows of a root, filled from their parent and never across municipalities (0015). */
const CHILDREN: Record<string, string> = {
  person_relations: 'who a person is related to, and how',
  case_persons: 'which persons a case concerns, in which role',
  case_members: 'who works on a citizen’s case (in the citizen’s access report)',
  access_grants: 'break-the-glass on a case, with the reason in free text',
  inquiry_persons: 'which persons an inquiry concerns',
  inquiry_signs: 'the signs of concern observed, with notes',
  inquiry_contributions: 'what other units know about the persons',
  inquiry_decisions: 'the decision on the concern and its classification',
  inquiry_events: 'the inquiry’s chronology, field by field',
  police_feedback: 'what the police tell the municipality about an inquiry handed to them',
  case_events: 'the case’s chronology and its notes',
  case_assessments: 'the 360° assessment of the citizen',
  case_plans: 'the action plan made with the citizen',
  case_consents: 'a person’s consent, what to and when',
  case_interventions: 'the interventions a person receives',
  intervention_sessions: 'notes of each session of an intervention',
  case_intervention_participants: 'who takes part in a family or group intervention',
  case_offers: 'offers of support to a person and their answers',
  case_follow_ups: 'follow-ups: concern level, goal progress, life competences',
  case_closures: 'why and how the case was closed',
  case_partner_access: 'a partner’s invitation into a case: parts, basis, purpose (0037)',
  case_reviews: 're-reviews after closure: still at risk, in education or work',
  case_filings: 'where and when a case’s documents were filed in the record system',
  disclosures: 'the disclosure register: information about a citizen that left the team (0035)',
  disclosure_persons: 'the persons a disclosure concerned (0035)',
  case_notices: 'that the citizen was told of the processing, or the exemption used and why',
  legal_holds: 'a legal hold on a case or an inquiry, with its reason in free text (0039)',
  inquiry_forwardings:
    'an inquiry forwarded to or from another municipality, one row per side (0041)',
  case_transfers: 'a case transferred to another municipality, keyed by the sending one (0041)',
  access_requests: 'a citizen’s access request: who asked, when, the deadline (0040)',
  access_request_items: 'the draft file of an access request and each item’s review (0040)',
  meeting_agenda_items: 'a meeting’s agenda item, naming an inquiry or a case (0044)',
  citizen_contact_attempts: 'a try to reach the citizen of a case or an inquiry (0049)',
  citizen_meetings:
    'a meeting with the citizen of a case or an inquiry: preparation, risk check, agreements, reflection (0049)',
  meeting_minutes_tasks:
    'a task given out by a meeting, naming the case or inquiry it concerns (0048)',
  network_map_versions:
    'the network analysis map around the citizen: roles, closeness, notes (0050)',
};

/** A user's notice: carries the key of the case or inquiry it names, none when it names none. */
const RECORD_OPTIONAL: Record<string, string> = {
  notifications: 'an in-app notice naming a case or an inquiry (ids only)',
  email_outbox: 'an e-mail notice waiting to be sent, naming an inquiry',
};

/** Personal data that is no municipality's record, and why it carries no (required) key. */
const EXEMPT: Record<string, string> = {
  users: 'staff, not citizens; a system administrator or police contact has no municipality',
  audit_log: 'the trail carries the key where the entry has one; others chain as global (0004)',
  inquiry_drafts: 'the author’s own draft, read by user id only; the author may be police staff',
};

/** Columns that mark a table as holding (or pointing at) a citizen's personal data. */
const MARKERS = [
  'person_id',
  'related_person_id',
  'subject_person_id',
  'case_id',
  'inquiry_id',
  'intervention_id',
];

const classified = { ...ROOTS, ...CHILDREN, ...RECORD_OPTIONAL, ...EXEMPT };

interface ColumnRow {
  table_name: string;
  column_name: string;
  is_nullable: string;
  data_type: string;
}

async function columns(db: Kysely<DB>): Promise<ColumnRow[]> {
  const rows = await sql<ColumnRow>`
    select c.table_name, c.column_name, c.is_nullable, c.data_type
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`.execute(db);
  return rows.rows;
}

async function triggers(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`
    select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

/** Tables whose municipality_code references municipalities (code). */
async function tenantForeignKeys(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await sql<{ table_name: string; def: string }>`
    select cl.relname as table_name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid
     where c.connamespace = 'public'::regnamespace and c.contype = 'f'`.execute(db);
  return new Set(
    rows.rows
      .filter((r) =>
        /^FOREIGN KEY \(municipality_code\) REFERENCES municipalities\(code\)/.test(r.def),
      )
      .map((r) => r.table_name),
  );
}

describe(`the tenant key on ${testEngine}`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await freshDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it('is on every table with personal data: NOT NULL, a municipality, kept by a trigger', async () => {
    const all = await columns(db);
    const byTable = new Map<string, ColumnRow[]>();
    for (const c of all) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
    const marked = [...byTable]
      .filter(([, cols]) => cols.some((c) => MARKERS.includes(c.column_name)))
      .map(([table]) => table);
    // A table with personal data is classified here, with its reason.
    expect(marked.filter((t) => !(t in classified))).toEqual([]);
    expect(Object.keys(classified).filter((t) => !byTable.has(t))).toEqual([]);

    const keyOf = (table: string) =>
      byTable.get(table)?.find((c) => c.column_name === 'municipality_code');
    const fks = await tenantForeignKeys(db);
    const names = await triggers(db);
    const problems: string[] = [];
    for (const table of [...Object.keys(ROOTS), ...Object.keys(CHILDREN)]) {
      const key = keyOf(table);
      if (!key) problems.push(`${table}: no municipality_code`);
      else if (key.is_nullable !== 'NO') problems.push(`${table}: municipality_code may be null`);
      if (!fks.has(table)) problems.push(`${table}: municipality_code is no municipality`);
    }
    for (const table of Object.keys(RECORD_OPTIONAL)) {
      if (!keyOf(table)) problems.push(`${table}: no municipality_code`);
      if (!fks.has(table)) problems.push(`${table}: municipality_code is no municipality`);
    }
    for (const table of Object.keys(ROOTS)) {
      if (!names.has(`${table}_tenant_key_unchanged`)) problems.push(`${table}: key may change`);
    }
    for (const table of [...Object.keys(CHILDREN), ...Object.keys(RECORD_OPTIONAL)]) {
      if (!names.has(`${table}_tenant_key`)) problems.push(`${table}: no tenant-key trigger`);
    }
    expect(problems).toEqual([]);
  });

  it('fills the key from the parent when an insert leaves it out, down to grandchildren', async () => {
    const { user, person, kase, inquiry } = await recordsOf147(db);
    const relative = await createPerson(db, { municipalityCode: '147' });
    const type = await db
      .insertInto('intervention_types')
      .values({
        municipality_code: '147',
        code: 'tk_mentor',
        name: 'Mentor',
        level: 'building',
        age_group: 'all',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const intervention = await db
      .insertInto('case_interventions')
      .values({
        case_id: kase.id,
        intervention_type_id: type.id,
        person_id: person.id,
        created_by: user.id,
      })
      .returning(['id', 'municipality_code'])
      .executeTakeFirstOrThrow();
    const session = await db
      .insertInto('intervention_sessions')
      .values({
        intervention_id: intervention.id,
        held_on: '2026-01-05',
        note: 'Samtale',
        author_user_id: user.id,
      })
      .returning('municipality_code')
      .executeTakeFirstOrThrow();
    const event = await db
      .insertInto('inquiry_events')
      .values({ inquiry_id: inquiry.id, kind: 'updated' })
      .returning('municipality_code')
      .executeTakeFirstOrThrow();
    const relation = await db
      .insertInto('person_relations')
      .values({ person_id: person.id, related_person_id: relative.id, relation: 'parent' })
      .returning('municipality_code')
      .executeTakeFirstOrThrow();
    const notices = await db
      .insertInto('notifications')
      .values([
        { user_id: user.id, kind: 'break_glass', case_id: kase.id },
        { user_id: user.id, kind: 'inquiry_overdue', inquiry_id: inquiry.id },
        { user_id: user.id, kind: 'other' },
      ])
      .returning('municipality_code')
      .execute();
    expect([intervention, session, event, relation].map((r) => r.municipality_code)).toEqual([
      '147',
      '147',
      '147',
      '147',
    ]);
    expect(notices.map((n) => n.municipality_code)).toEqual(['147', '147', null]);
    const members = await db
      .selectFrom('case_members')
      .innerJoin('case_persons', 'case_persons.case_id', 'case_members.case_id')
      .innerJoin('inquiry_persons', 'inquiry_persons.person_id', 'case_persons.person_id')
      .select([
        'case_members.municipality_code as m',
        'case_persons.municipality_code as p',
        'inquiry_persons.municipality_code as i',
      ])
      .where('case_members.case_id', '=', kase.id)
      .execute();
    expect(members).toEqual([{ m: '147', p: '147', i: '147' }]);
  });

  it('refuses a row whose municipality differs from any of its parents', async () => {
    const user = await createUser(db);
    const here = await createPerson(db, { municipalityCode: '101' });
    const there = await createPerson(db, { municipalityCode: '147' });
    const kase = await createCase(db, { municipalityCode: '101', persons: [{ id: here.id }] });
    const crossing = /may not cross municipalities/;
    await expect(
      db
        .insertInto('case_events')
        .values({ case_id: kase.id, kind: 'opened', municipality_code: '147' })
        .execute(),
    ).rejects.toThrow(crossing);
    // A person of another municipality in the case, as a relation or in a consent.
    await expect(
      db
        .insertInto('case_persons')
        .values({ case_id: kase.id, person_id: there.id, role: 'parent' })
        .execute(),
    ).rejects.toThrow(crossing);
    await expect(
      db
        .insertInto('person_relations')
        .values({ person_id: here.id, related_person_id: there.id, relation: 'parent' })
        .execute(),
    ).rejects.toThrow(crossing);
    await expect(
      db
        .insertInto('case_consents')
        .values({
          case_id: kase.id,
          person_id: there.id,
          given_by: 'person',
          purpose: 'Mentorforløb',
          method: 'oral',
          given_on: '2026-01-05',
          recorded_by: user.id,
        })
        .execute(),
    ).rejects.toThrow(crossing);
    // Nor may an existing row be moved across: re-pointing it is checked like an insert.
    await expect(
      db
        .updateTable('case_persons')
        .set({ person_id: there.id })
        .where('case_id', '=', kase.id)
        .execute(),
    ).rejects.toThrow(crossing);
  });

  it('never changes the key, neither on a case nor on its rows', async () => {
    const kase = await createCase(db, { municipalityCode: '101' });
    await db.insertInto('case_events').values({ case_id: kase.id, kind: 'opened' }).execute();
    await expect(
      db.updateTable('cases').set({ municipality_code: '147' }).where('id', '=', kase.id).execute(),
    ).rejects.toThrow(/never changes/);
    await expect(
      db
        .updateTable('case_events')
        .set({ municipality_code: '147' })
        .where('case_id', '=', kase.id)
        .execute(),
    ).rejects.toThrow(/never changes/);
  });

  it('answers a parent that does not exist as the foreign key would', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      db.insertInto('case_events').values({ case_id: missing, kind: 'opened' }).execute(),
    ).rejects.toMatchObject({ code: '23503' });
  });
});

describe(`0015 on a database with case work in it (${testEngine})`, () => {
  const fresh = freshDatabasePerTest();

  it('fills the key of every existing row from its parent', async () => {
    const database = await fresh({ migrated: false });
    const db = database.db;
    await migrate(
      db,
      readMigrations().filter((m) => m.name < '0015'),
    );
    const { user, kase, inquiry } = await recordsOf147(db);
    await sql`insert into case_events (case_id, kind) values (${kase.id}, 'opened')`.execute(db);
    await sql`insert into notifications (user_id, kind, inquiry_id) values (${user.id}, 'x', ${inquiry.id}),
      (${user.id}, 'other', null)`.execute(db);

    await migrate(db);
    const keys = await sql<{ table_name: string; key: string | null }>`
      select 'case_persons' as table_name, municipality_code as key from case_persons
      union all select 'case_members', municipality_code from case_members
      union all select 'inquiry_persons', municipality_code from inquiry_persons
      union all select 'case_events', municipality_code from case_events
      union all select 'notifications', municipality_code from notifications
      order by 1, 2`.execute(db);
    expect(keys.rows).toEqual([
      { table_name: 'case_events', key: '147' },
      { table_name: 'case_members', key: '147' },
      { table_name: 'case_persons', key: '147' },
      { table_name: 'inquiry_persons', key: '147' },
      { table_name: 'notifications', key: '147' },
      { table_name: 'notifications', key: null },
    ]);
  });
});
