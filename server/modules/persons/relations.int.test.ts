import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, expectOneAudit, createPerson, type ErrorBody } from '../../test/records.ts';
import { createPersonRegister, type PersonRegister } from '../../test/person-register.ts';
import { decryptField } from '../../platform/crypto.ts';
import { cprContext } from './queries.ts';
import { cprDigest } from './service.ts';

/**
 * Relations between persons (shown only where need-to-know allows, audited both ways) and
 * changes to a person's details (validated CPR number, optimistic locking, audited field names).
 */

interface Hit {
  id: string;
}

const CPR = '150310-4321';

let t: TestApp;
let sessions: PersonRegister['sessions'];
let caller: PersonRegister['caller'];
let persons: PersonRegister['persons'];

beforeAll(async () => {
  t = await startTestApp();
  ({ sessions, caller, persons } = await createPersonRegister(t.app, t.database.db, CPR));
});
afterAll(() => t.close());

function patch(name: string, url: string, payload: unknown) {
  const s = sessions[name];
  return t.app.inject({
    method: 'PATCH',
    url,
    headers: { cookie: s?.cookie ?? '', 'x-csrf-token': s?.csrf ?? '' },
    payload: payload as Record<string, unknown>,
  });
}

async function duplicates(name: string, body: Record<string, unknown>) {
  const res = await caller(name).post('/api/persons/possible-duplicates', body);
  expect(res.statusCode, res.body).toBe(200);
  return { res, items: (res.json() as { items: Hit[] }).items };
}

async function versionOf(id: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('persons')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe(`relations (${testEngine})`, () => {
  it('are recorded for two visible persons, shown both ways, and audited as updates', async () => {
    const res = await caller('coordinator').post(`/api/persons/${persons.aase.id}/relations`, {
      relatedPersonId: persons.parent.id,
      relation: 'parent',
    });
    expect(res.statusCode, res.body).toBe(204);
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows.map((r) => [r.action, r.subject_person_id])).toEqual([
      ['update', persons.aase.id],
      ['update', persons.parent.id],
    ]);
    expect(rows[0]?.details).toMatchObject({ fields: 'relations', relation: 'parent' });

    const child = (await caller('caseworker').get(`/api/persons/${persons.aase.id}`)).json() as {
      relations: unknown[];
    };
    expect(child.relations).toEqual([
      { personId: persons.parent.id, name: 'Birthe Kjærgård', relation: 'parent' },
    ]);
    const read = await caller('caseworker').get(`/api/persons/${persons.parent.id}`);
    expect((read.json() as { relations: unknown[] }).relations).toEqual([
      { personId: persons.aase.id, name: 'Åse Kjærgård', relation: 'child' },
    ]);
    // Showing the related person's name is a read of their data too.
    const reads = await auditRowsOf(t.database.db, read);
    expect(reads.map((r) => [r.action, r.subject_person_id])).toEqual([
      ['read', persons.parent.id],
      ['read', persons.aase.id],
    ]);
  });

  it('leave out related persons the caller may not see', async () => {
    const add = await caller('coordinator').post(`/api/persons/${persons.aase.id}/relations`, {
      relatedPersonId: persons.hidden.id,
      relation: 'friend',
    });
    expect(add.statusCode).toBe(400);
    expect((add.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([
      'body.relatedPersonId',
    ]);
    // Recorded by someone who could see both (e.g. at intake): still not shown here.
    await t.database.db
      .insertInto('person_relations')
      .values({
        person_id: persons.aase.id,
        related_person_id: persons.hidden.id,
        relation: 'friend',
      })
      .execute();
    const res = await caller('coordinator').get(`/api/persons/${persons.aase.id}`);
    expect(res.body).not.toContain(persons.hidden.id);
    expect(res.body).not.toContain('Skjult');
    expect(
      (
        await caller('coordinator').delete(
          `/api/persons/${persons.aase.id}/relations/${persons.hidden.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('refuse an unknown relation and unknown fields', async () => {
    for (const body of [
      { relatedPersonId: persons.parent.id, relation: 'cousin' },
      { relatedPersonId: persons.parent.id, relation: 'parent', note: 'x' },
    ]) {
      const res = await caller('coordinator').post(
        `/api/persons/${persons.aase.id}/relations`,
        body,
      );
      expect(res.statusCode).toBe(400);
    }
  });

  it('are removed in both directions, audited; a second removal is 404', async () => {
    const url = `/api/persons/${persons.parent.id}/relations/${persons.aase.id}`;
    const res = await caller('coordinator').delete(url);
    expect(res.statusCode).toBe(204);
    expect((await auditRowsOf(t.database.db, res)).map((r) => r.action)).toEqual([
      'update',
      'update',
    ]);
    const person = (await caller('coordinator').get(`/api/persons/${persons.aase.id}`)).json() as {
      relations: unknown[];
    };
    expect(person.relations).toEqual([]);
    expect((await caller('coordinator').delete(url)).statusCode).toBe(404);
  });
});

describe(`changing a person (${testEngine})`, () => {
  it('refuses an invalid CPR number naming body.cpr, and stores nothing', async () => {
    const version = await versionOf(persons.noCpr.id);
    const res = await patch('coordinator', `/api/persons/${persons.noCpr.id}`, {
      version,
      phone: '12345678',
      cpr: '310210-4321',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields).toEqual([
      expect.objectContaining({ field: 'body.cpr', code: 'invalid_cpr' }),
    ]);
    expect(await versionOf(persons.noCpr.id)).toBe(version);
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
  });

  it('refuses unknown fields and a birth date that disagrees with the CPR number', async () => {
    const version = await versionOf(persons.noCpr.id);
    const unknown = await patch('coordinator', `/api/persons/${persons.noCpr.id}`, {
      version,
      cases: [],
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['body.cases']);
    const mismatch = await patch('coordinator', `/api/persons/${persons.noCpr.id}`, {
      version,
      cpr: '160310-4322',
      birthDate: '2010-03-15',
    });
    expect(mismatch.statusCode).toBe(400);
    expect((mismatch.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([
      'body.birthDate',
    ]);
  });

  it('saves the changed fields, encrypts the CPR number and audits the field names only', async () => {
    const version = await versionOf(persons.noCpr.id);
    const res = await patch('caseworker', `/api/persons/${persons.noCpr.id}`, {
      version,
      givenName: 'Åse',
      phone: ' 12 34 56 78 ',
      cpr: '150310-4322',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: persons.noCpr.id, version: version + 1 });
    const row = await t.database.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', persons.noCpr.id)
      .executeTakeFirstOrThrow();
    expect(row.phone).toBe('12 34 56 78');
    expect(row.cpr_enc).not.toContain('4322');
    expect(decryptField(testKeys.secret, row.cpr_enc ?? '', cprContext(persons.noCpr.id))).toBe(
      '1503104322',
    );
    expect(row.cpr_digest).toBe(cprDigest(testKeys.secret, '1503104322'));
    const entry = await expectOneAudit(t.database.db, res, {
      action: 'update',
      subject_person_id: persons.noCpr.id,
    });
    expect(entry.details).toEqual({ fields: 'phone,cpr' });
    // The new number finds the person as a duplicate.
    const { items } = await duplicates('coordinator', { cpr: '1503104322' });
    expect(items.map((i) => i.id)).toEqual([persons.noCpr.id]);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const version = await versionOf(persons.noCpr.id);
    const res = await patch('coordinator', `/api/persons/${persons.noCpr.id}`, {
      version: version - 1,
      address: 'Vestergade 2',
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error).toMatchObject({
      code: 'conflict',
      meta: { currentVersion: version },
    });
    expect(await versionOf(persons.noCpr.id)).toBe(version);
  });

  it('is 404 for someone who may not see the person', async () => {
    const version = await versionOf(persons.noCpr.id);
    const res = await patch('outsider', `/api/persons/${persons.noCpr.id}`, {
      version,
      phone: '1',
    });
    expect(res.statusCode).toBe(404);
    expect(await versionOf(persons.noCpr.id)).toBe(version);
    // A person created elsewhere without a CPR number keeps a null digest.
    const plain = await createPerson(t.database.db);
    const row = await t.database.db
      .selectFrom('persons')
      .select('cpr_digest')
      .where('id', '=', plain.id)
      .executeTakeFirstOrThrow();
    expect(row.cpr_digest).toBeNull();
  });
});
