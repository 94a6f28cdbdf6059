import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createInquiryRow,
  createPerson,
  freshCode,
  type Client,
} from '../test/records.ts';
import { createUser, login, type TestUser } from '../test/users.ts';

/**
 * Every read of personal data leaves an audit entry naming whose data it was, in the same
 * transaction as the read: generated from the OpenAPI document, so a new personal-data route
 * that forgets its audit fails here. And if the audit entry cannot be written, the request fails.
 */
interface Operation {
  method: string;
  path: string;
  policy: string;
  record?: 'case' | 'person' | 'inquiry';
}

let t: TestApp;
let operations: Operation[] = [];
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
let inquiry: { id: string; reference: string };
let inquiryPerson: { id: string; name: string };
let coordinator: Client;
let breaker: TestUser;
let breakerClient: Client;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-policy': string; 'x-record'?: Operation['record'] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      policy: op['x-policy'],
      ...(op['x-record'] && { record: op['x-record'] }),
    })),
  );
  const member = await createUser(db, { roles: ['coordinator'] });
  breaker = await createUser(db, { roles: ['coordinator'] });
  person = await createPerson(db, { givenName: 'Vibeke', familyName: 'Østergaard-Lund' });
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [{ userId: member.id, role: 'coordinator' }],
  });
  // A draft action plan, so the plan's PDF has something to print (the other case-work reads
  // answer an empty list for a case without their records).
  await db
    .insertInto('case_plans')
    .values({ case_id: theCase.id, number: 1, created_by: member.id })
    .execute();
  // A written consent with its scanned copy (the form and the scan are reads of the person).
  const consent = await db
    .insertInto('case_consents')
    .values({
      case_id: theCase.id,
      person_id: person.id,
      given_by: 'person',
      purpose: 'Samarbejde med jobcentret',
      method: 'written',
      given_on: '2025-02-01',
      recorded_by: member.id,
      scan: Buffer.from('%PDF-1.4\n'),
      scan_media_type: 'application/pdf',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  subIds.consentId = consent.id;
  // A meeting with the citizen, held, so its summary PDF has something to print (0049).
  const citizenMeeting = await db
    .insertInto('citizen_meetings')
    .values({
      id: crypto.randomUUID(),
      case_id: theCase.id,
      purpose: 'clarify_concern',
      prepared_by: member.id,
      held_on: '2025-02-01',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  subIds.meetingId = citizenMeeting.id;
  // An inquiry of the coordinator's municipality about another person (coordinators see it).
  inquiryPerson = await createPerson(db, { givenName: 'Asger', familyName: 'Kildegaard-Holm' });
  inquiry = await createInquiryRow(db, {
    createdBy: breaker.id,
    persons: [inquiryPerson.id],
    childReport: true,
  });
  // Logged in before any test breaks the audit trail (a login is audited too).
  coordinator = client(t.app, await login(t.app, member));
  breakerClient = client(t.app, await login(t.app, breaker));
});
afterAll(() => t.close());

/** The person whose data each record shows (the list routes show the same ones). */
const subjectOf = (op: Operation): string =>
  op.record === 'inquiry' || op.path.startsWith('/api/inquiries') ? inquiryPerson.id : person.id;

/** Policies of the routes that work on citizens' records (cases, persons, inquiries). */
const isRecordPolicy = (policy: string) =>
  policy.startsWith('records.') || policy === 'inquiries.read';

/**
 * GETs that show personal data: every route naming a record (x-record) and every route under a
 * record policy, which includes the lists (GET /api/cases, GET /api/inquiries).
 */
const personalDataReads = () =>
  operations.filter(
    (op) => op.method === 'GET' && (op.record !== undefined || isRecordPolicy(op.policy)),
  );

/** Sub-records of the case that a read names by a second path id, made in `beforeAll`. */
const subIds: Record<string, string> = {};

function urlOf(op: Operation): string {
  const ids = { case: theCase.id, person: person.id, inquiry: inquiry.id };
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const sub = subIds[name];
    if (sub !== undefined && op.record === 'case') return sub;
    if (name !== 'id' || !op.record) {
      throw new Error(`${op.method} ${op.path}: no x-record to choose {${name}} from`);
    }
    return ids[op.record];
  });
}

describe(`audit coverage of personal-data reads (${testEngine})`, () => {
  it('every personal-data GET writes an entry naming the person, in its request', async () => {
    const reads = personalDataReads();
    // The generated list must hold at least the routes known today (a typo in the filter would
    // otherwise let it check nothing).
    expect(reads.map((op) => op.path)).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/cases/{id}',
        '/api/persons/{id}',
        '/api/persons/{id}/access-report',
        '/api/inquiries',
        '/api/inquiries/{id}',
        '/api/inquiries/{id}/history',
      ]),
    );
    const failures: string[] = [];
    for (const op of reads) {
      const res = await coordinator.get(urlOf(op));
      const name = `${op.method} ${op.path}`;
      if (res.statusCode !== 200) {
        failures.push(`${name}: ${res.statusCode}`);
        continue;
      }
      // auditRowsOf selects by the response's x-request-id: entries of this very request.
      expect(res.headers['x-request-id'], name).toEqual(expect.any(String));
      const rows = await auditRowsOf(t.database.db, res);
      if (!rows.some((r) => r.subject_person_id === subjectOf(op))) {
        const subjects = rows.map((r) => r.subject_person_id).join(',');
        failures.push(`${name}: no audit entry naming the person shown (${subjects || 'none'})`);
      }
      if (rows.some((r) => r.request_id !== res.headers['x-request-id'])) {
        failures.push(`${name}: entries of another request`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the list routes audit one entry per person shown, and nothing for an empty page', async () => {
    for (const url of ['/api/cases', '/api/inquiries']) {
      const res = await coordinator.get(url);
      const rows = await auditRowsOf(t.database.db, res);
      expect(
        rows.map((r) => r.subject_person_id),
        url,
      ).toEqual([url === '/api/cases' ? person.id : inquiryPerson.id]);
      expect(rows[0]?.action, url).toBe('search');
    }
    const empty = await breakerClient.get('/api/cases');
    expect((empty.json() as { items: unknown[] }).items).toEqual([]);
    expect(await auditRowsOf(t.database.db, empty)).toEqual([]);
  });

  it('every route with a {id} names its record kind (x-record)', () => {
    const missing = operations
      .filter((op) => op.path.includes('{id}') && isRecordPolicy(op.policy) && !op.record)
      .map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it('a failing audit write fails the request: nothing is shown and nothing is kept', async () => {
    const db = t.database.db;
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await sql`create function fail_audit() returns trigger language plpgsql as $$
      begin raise exception 'forced'; end $$`.execute(db);
    await sql`create trigger fail_audit before insert on audit_log
      for each row execute function fail_audit()`.execute(db);
    try {
      const urls = [
        `/api/cases/${theCase.id}`,
        `/api/persons/${person.id}`,
        '/api/cases',
        `/api/inquiries/${inquiry.id}`,
        `/api/inquiries/${inquiry.id}/history`,
        '/api/inquiries',
      ];
      for (const url of urls) {
        const res = await coordinator.get(url);
        expect(res.statusCode, url).toBe(500);
        expect(res.body, url).not.toContain('Vibeke');
        expect(res.body, url).not.toContain('Østergaard');
        expect(res.body, url).not.toContain(theCase.reference);
        expect(res.body, url).not.toContain(inquiry.reference);
        expect(res.body, url).not.toContain('Kildegaard');
        expect(res.body, url).not.toContain('forced');
      }
      const code = await freshCode(db, breaker);
      const res = await breakerClient.post('/api/break-glass', {
        reference: theCase.reference,
        reason: 'Akut henvendelse fra skolen, sagen skal vurderes i dag.',
        code,
      });
      expect(res.statusCode).toBe(500);
      const grants = await db
        .selectFrom('access_grants')
        .select('id')
        .where('user_id', '=', breaker.id)
        .execute();
      expect(grants).toEqual([]);
      const notes = await db.selectFrom('notifications').select('id').execute();
      expect(notes).toEqual([]);
    } finally {
      await sql`drop trigger fail_audit on audit_log`.execute(db);
      await sql`drop function fail_audit()`.execute(db);
    }
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // With the audit trail back, the same reads work again.
    expect((await coordinator.get(`/api/cases/${theCase.id}`)).statusCode).toBe(200);
    expect((await breakerClient.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
  });
});
