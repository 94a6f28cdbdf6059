import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { encryptField } from '../platform/crypto.ts';
import { cprContext } from '../modules/persons/queries.ts';
import { checkNewPerson, insertPerson, type NewPerson } from '../modules/persons/service.ts';
import { testKeys } from './app.ts';
import { codeFor, createUser, type LoggedIn, type TestUser } from './users.ts';

let counter = 0;

/** A person in municipality 101 unless told otherwise. */
export async function createPerson(
  db: Kysely<DB>,
  options: {
    municipalityCode?: string;
    givenName?: string;
    familyName?: string;
    cpr?: string;
  } = {},
): Promise<{ id: string; name: string }> {
  counter += 1;
  const givenName = options.givenName ?? `Testperson${counter}`;
  const familyName = options.familyName ?? 'Jensen';
  const row = await db
    .insertInto('persons')
    .values({
      municipality_code: options.municipalityCode ?? '101',
      given_name: givenName,
      family_name: familyName,
      birth_date: '2010-03-14',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.cpr) {
    await db
      .updateTable('persons')
      .set({ cpr_enc: encryptField(testKeys.secret, options.cpr, cprContext(row.id)) })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, name: `${givenName} ${familyName}` };
}

export interface CaseMemberSpec {
  userId: string;
  role: 'coordinator' | 'forum' | 'member';
  scope?: 'full' | 'intervention';
  unitId?: string | null;
}

/** A case with compartment content, its persons (first is the citizen) and members. */
export async function createCase(
  db: Kysely<DB>,
  options: {
    municipalityCode?: string;
    persons?: { id: string; role?: string }[];
    members?: CaseMemberSpec[];
  } = {},
): Promise<{ id: string; reference: string }> {
  counter += 1;
  const reference = `S-2026-${String(counter + 1000 * (process.pid % 90)).padStart(6, '0')}`;
  const row = await db
    .insertInto('cases')
    .values({
      municipality_code: options.municipalityCode ?? '101',
      reference,
      extremism_form: 'right_wing',
      concern_summary: 'Deler højreekstremistisk materiale og taler om radikalisering af venner.',
      work_summary: 'Mentorforløb og samtaler med familien.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const persons = options.persons ?? [];
  if (persons.length > 0) {
    await db
      .insertInto('case_persons')
      .values(
        persons.map((p, i) => ({
          case_id: row.id,
          person_id: p.id,
          role: p.role ?? (i === 0 ? 'citizen' : 'parent'),
        })),
      )
      .execute();
  }
  const members = options.members ?? [];
  if (members.length > 0) {
    await db
      .insertInto('case_members')
      .values(
        members.map((m) => ({
          case_id: row.id,
          user_id: m.userId,
          role: m.role,
          scope: m.scope ?? 'full',
          unit_id: m.unitId ?? null,
        })),
      )
      .execute();
  }
  return { id: row.id, reference };
}

/** A unit of the organisation (default municipality 101, kind 'ssp'). */
export async function createUnit(
  db: Kysely<DB>,
  options: { municipalityCode?: string; kind?: string; name?: string } = {},
): Promise<{ id: string; name: string }> {
  counter += 1;
  const name = options.name ?? `Enhed ${counter}`;
  const row = await db
    .insertInto('units')
    .values({
      municipality_code: options.municipalityCode ?? '101',
      kind: options.kind ?? 'ssp',
      name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name };
}

/** A police contact working for a police district (default 11, Københavns Politi), no municipality. */
export async function createPoliceContact(db: Kysely<DB>, districtId = 11): Promise<TestUser> {
  const user = await createUser(db, { roles: ['police_contact'] });
  await db
    .updateTable('users')
    .set({ municipality_code: null, police_district_id: districtId })
    .where('id', '=', user.id)
    .execute();
  return user;
}

/** A user's display name, as the app shows it. */
export async function displayNameOf(db: Kysely<DB>, userId: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.display_name;
}

/**
 * A fresh TOTP code for a re-authentication step: forgets the last used step (the login used the
 * current one), so the current code is accepted again once.
 */
export async function freshCode(db: Kysely<DB>, user: TestUser): Promise<string> {
  await db.updateTable('users').set({ totp_last_step: null }).where('id', '=', user.id).execute();
  return codeFor(user.totpSecret ?? '');
}

/** Requests as a logged-in user (or anonymously), with the CSRF header on state changes. */
export function client(app: FastifyInstance, as: LoggedIn | null) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(as && { cookie: as.cookie, 'x-csrf-token': as.csrf }),
    ...extra,
  });
  return {
    get: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url: string, payload: unknown, extra?: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: headers(extra),
        payload: payload as Record<string, unknown>,
      }),
    patch: (url: string, payload: unknown, extra?: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url,
        headers: headers(extra),
        payload: payload as Record<string, unknown>,
      }),
    put: (url: string, payload: unknown, extra?: Record<string, string>) =>
      app.inject({
        method: 'PUT',
        url,
        headers: headers(extra),
        payload: payload as Record<string, unknown>,
      }),
    delete: (url: string, extra?: Record<string, string>) =>
      app.inject({ method: 'DELETE', url, headers: headers(extra) }),
  };
}
export type Client = ReturnType<typeof client>;

/** Audit rows written by one request (the `x-request-id` of its response), oldest first. */
export async function auditRowsOf(db: Kysely<DB>, res: { headers: Record<string, unknown> }) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('request_id', '=', String(res.headers['x-request-id']))
    .orderBy('id')
    .execute();
}

/** The body of an error answer. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; code: string; message: string }[];
    meta?: Record<string, unknown>;
  };
}

/** The fields an error body names, as `field:code` (e.g. `body.name:too_small`). */
export const fieldsIn = (body: unknown) =>
  ((body as ErrorBody).error.fields ?? []).map((f) => `${f.field}:${f.code}`);
/** The fields a 400 answer names, as `field:code`. */
export const fieldsOf = (res: { json(): unknown }) => fieldsIn(res.json());

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request in Danish as a logged-in session: its status and JSON body (null when empty). */
export async function callAs<T = unknown>(
  app: FastifyInstance,
  who: LoggedIn,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await app.inject({
    method,
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'accept-language': 'da' },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}

/** `call(who, …)` for a test file that keeps its sessions by name (`app` once it has started). */
export function callsByName(app: () => FastifyInstance, sessions: Record<string, LoggedIn>) {
  return <T = unknown>(who: string, method: Method, url: string, payload?: unknown) => {
    const session = sessions[who];
    if (!session) throw new Error(`no session ${who}`);
    return callAs<T>(app(), session, method, url, payload);
  };
}

/** The number a `select count(*)::int as n …` query answers. */
export async function countOf(db: Kysely<DB>, query: string): Promise<number | undefined> {
  return (await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]?.n;
}

/** The one audit row a request wrote, which must match `expected`. */
export async function expectOneAudit(
  db: Kysely<DB>,
  res: { headers: Record<string, unknown> },
  expected: Record<string, unknown>,
) {
  const rows = await auditRowsOf(db, res);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject(expected);
  const row = rows[0];
  if (!row) throw new Error('no audit row');
  return row;
}

/**
 * A person registered through the real service (`insertPerson`): the CPR number encrypted with
 * its context and its digest stored for duplicate detection, the birth date taken from the CPR
 * number when none is given. Municipality 101 unless told otherwise.
 */
export async function registerPerson(
  db: Kysely<DB>,
  options: {
    /** The user who registers the person. */
    createdBy: string;
    municipalityCode?: string;
    givenName?: string;
    familyName?: string;
    birthDate?: string | null;
    cpr?: string | null;
    address?: string | null;
    phone?: string | null;
  },
): Promise<{ id: string; name: string }> {
  counter += 1;
  const person: NewPerson = {
    givenName: options.givenName ?? `Registreret${counter}`,
    familyName: options.familyName ?? 'Hansen',
    birthDate: options.birthDate ?? null,
    cpr: options.cpr ?? null,
    address: options.address ?? null,
    phone: options.phone ?? null,
  };
  const checked = checkNewPerson(person, 'person', '2100-01-01');
  if (checked.problems.length > 0) throw new Error('registerPerson: invalid test person');
  const id = await db
    .transaction()
    .execute((trx) =>
      insertPerson(
        trx,
        testKeys.secret,
        options.municipalityCode ?? '101',
        person,
        checked,
        options.createdBy,
      ),
    );
  return { id, name: `${person.givenName} ${person.familyName}` };
}

/** An inquiry in municipality 101 unless told otherwise, recorded by `createdBy`. */
export async function createInquiryRow(
  db: Kysely<DB>,
  options: {
    createdBy: string;
    municipalityCode?: string;
    persons?: string[];
    forumId?: string | null;
    status?: string;
    deadlineAt?: Date;
    /** Now unless told otherwise. */
    receivedAt?: Date;
    /** Marked as a report about a child, from a named teacher (its acknowledgement letter exists). */
    childReport?: boolean;
  },
): Promise<{ id: string; reference: string }> {
  counter += 1;
  const reference = `H-2026-${String(counter + 1000 * (process.pid % 90)).padStart(6, '0')}`;
  const row = await db
    .insertInto('inquiries')
    .values({
      municipality_code: options.municipalityCode ?? '101',
      reference,
      source: 'teacher',
      channel: 'phone',
      received_at: options.receivedAt ?? new Date(),
      observation: 'Eleven taler om voldelig ekstremisme og radikalisering i frikvartererne.',
      subject_kind: 'person',
      deadline_at: options.deadlineAt ?? new Date(Date.now() + 24 * 3_600_000),
      forum_id: options.forumId ?? null,
      status: options.status ?? 'received',
      created_by: options.createdBy,
      ...(options.childReport && {
        reporter_name: 'Lærer Test',
        child_report: true,
        child_report_marked_at: new Date(),
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const persons = options.persons ?? [];
  if (persons.length > 0) {
    await db
      .insertInto('inquiry_persons')
      .values(persons.map((p, position) => ({ inquiry_id: row.id, person_id: p, position })))
      .execute();
  }
  return { id: row.id, reference };
}

/** A forum in municipality 101 unless told otherwise, with members. */
export async function createForum(
  db: Kysely<DB>,
  options: { municipalityCode?: string; members?: string[]; name?: string } = {},
): Promise<{ id: string }> {
  counter += 1;
  const row = await db
    .insertInto('forums')
    .values({
      municipality_code: options.municipalityCode ?? '101',
      name: options.name ?? `Testforum ${counter}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = options.members ?? [];
  if (members.length > 0) {
    await db
      .insertInto('forum_members')
      .values(members.map((user_id) => ({ forum_id: row.id, user_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { id: row.id };
}
