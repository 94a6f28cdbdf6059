import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  registerPerson,
  type Client,
  type ErrorBody,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { decryptField } from '../../platform/crypto.ts';
import { cprContext } from './queries.ts';

/**
 * Merging two registrations of the same person (coordinators): links move to the surviving
 * person, blanks are filled without overwriting, different CPR numbers refuse the merge, a
 * stale version is a conflict, and the merged registration is gone (404) afterwards.
 */

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let counter = 0;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  users.coordinator = await createUser(db, { roles: ['coordinator'] });
  users.caseworker = await createUser(db, { roles: ['caseworker'] });
  users.coordinator147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

async function personRow(id: string) {
  return t.database.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Everything that links to a person, for "nothing changed" checks. */
async function links(id: string) {
  const db = t.database.db;
  const [cases, inquiries, relations] = await Promise.all([
    db
      .selectFrom('case_persons')
      .select(['case_id', 'role'])
      .where('person_id', '=', id)
      .orderBy('case_id')
      .execute(),
    db
      .selectFrom('inquiry_persons')
      .select('inquiry_id')
      .where('person_id', '=', id)
      .orderBy('inquiry_id')
      .execute(),
    db
      .selectFrom('person_relations')
      .selectAll()
      .where((eb) => eb.or([eb('person_id', '=', id), eb('related_person_id', '=', id)]))
      .orderBy('person_id')
      .orderBy('related_person_id')
      .execute(),
  ]);
  return { cases, inquiries, relations: relations.map((r) => ({ ...r, created_at: null })) };
}

async function createInquiry(personIds: string[]) {
  counter += 1;
  const db = t.database.db;
  const row = await db
    .insertInto('inquiries')
    .values({
      municipality_code: '101',
      reference: `H-2026-${String(counter + 1000 * (process.pid % 90)).padStart(6, '0')}`,
      source: 'teacher',
      channel: 'phone',
      received_at: new Date(),
      observation: 'Observation til test.',
      subject_kind: 'person',
      deadline_at: new Date(Date.now() + 86_400_000),
      created_by: users.coordinator?.id ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inquiry_persons')
    .values(personIds.map((person_id) => ({ inquiry_id: row.id, person_id })))
    .execute();
  return row.id;
}

/** Two registrations of one person, both in a case of the coordinator. */
type PersonOptions = Partial<Parameters<typeof registerPerson>[1]>;

async function pair(source: PersonOptions, target: PersonOptions) {
  const db = t.database.db;
  const createdBy = users.coordinator?.id ?? '';
  const a = await registerPerson(db, {
    createdBy,
    givenName: 'Ali',
    familyName: 'Jensen',
    ...source,
  });
  const b = await registerPerson(db, {
    createdBy,
    givenName: 'Ali',
    familyName: 'Jensen',
    ...target,
  });
  const theCase = await createCase(db, {
    persons: [{ id: a.id }, { id: b.id, role: 'other' }],
    members: [
      { userId: users.coordinator?.id ?? '', role: 'coordinator' },
      { userId: users.caseworker?.id ?? '', role: 'member' },
    ],
  });
  return { a, b, caseId: theCase.id };
}

const merge = (name: string, id: string, body: Record<string, unknown>) =>
  caller(name).post(`/api/persons/${id}/merge`, body);

describe(`merging two registrations (${testEngine})`, () => {
  it('moves the links, fills blanks without overwriting, and the merged one is gone', async () => {
    const db = t.database.db;
    const { a, b, caseId } = await pair(
      { cpr: '0102031234', address: 'Nørregade 1', phone: '11111111' },
      { phone: '22222222' },
    );
    const friend = await registerPerson(db, {
      createdBy: users.coordinator?.id ?? '',
      givenName: 'Ven',
    });
    const sibling = await registerPerson(db, {
      createdBy: users.coordinator?.id ?? '',
      givenName: 'Søs',
    });
    await createCase(db, {
      persons: [
        { id: a.id },
        { id: friend.id, role: 'other' },
        { id: sibling.id, role: 'sibling' },
      ],
      members: [{ userId: users.coordinator?.id ?? '', role: 'coordinator' }],
    });
    await db
      .insertInto('person_relations')
      .values([
        { person_id: a.id, related_person_id: friend.id, relation: 'friend' },
        { person_id: sibling.id, related_person_id: a.id, relation: 'sibling' },
        { person_id: a.id, related_person_id: b.id, relation: 'other' },
      ])
      .execute();
    const inquiryBoth = await createInquiry([a.id, b.id]);
    const inquiryA = await createInquiry([a.id]);

    const res = await merge('coordinator', a.id, { intoPersonId: b.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ intoPersonId: b.id, version: 2 });

    const target = await personRow(b.id);
    expect(target).toMatchObject({
      birth_date: '1903-02-01',
      address: 'Nørregade 1',
      phone: '22222222',
      merged_into: null,
      version: 2,
    });
    // Re-encrypted for the surviving person: it decrypts with its own context only.
    expect(decryptField(testKeys.secret, target.cpr_enc ?? '', cprContext(b.id))).toBe(
      '0102031234',
    );
    expect(() => decryptField(testKeys.secret, target.cpr_enc ?? '', cprContext(a.id))).toThrow();
    const source = await personRow(a.id);
    expect(source).toMatchObject({
      merged_into: b.id,
      cpr_enc: null,
      cpr_digest: null,
      version: 2,
    });

    const moved = await links(b.id);
    expect(moved.cases.map((c) => c.case_id).sort()).toHaveLength(2);
    expect(moved.cases.find((c) => c.case_id === caseId)?.role).toBe('other');
    expect(moved.inquiries.map((i) => i.inquiry_id).sort()).toEqual([inquiryA, inquiryBoth].sort());
    expect(
      moved.relations.map((r) => [r.person_id, r.related_person_id, r.relation]).sort(),
    ).toEqual(
      [
        [b.id, friend.id, 'friend'],
        [sibling.id, b.id, 'sibling'],
      ].sort(),
    );
    expect(await links(a.id)).toEqual({ cases: [], inquiries: [], relations: [] });

    expect((await caller('coordinator').get(`/api/persons/${a.id}`)).statusCode).toBe(404);
    expect((await caller('coordinator').post(`/api/persons/${a.id}/cpr`, {})).statusCode).toBe(404);
    const shown = (await caller('coordinator').get(`/api/persons/${b.id}`)).json() as {
      cprMasked: string;
      relations: { personId: string; relation: string }[];
    };
    expect(shown.cprMasked).toBe('010203-XXXX');
    expect(shown.relations.map((r) => [r.personId, r.relation]).sort()).toEqual(
      [
        [friend.id, 'friend'],
        [sibling.id, 'sibling'],
      ].sort(),
    );
    // The merged registration is no longer offered as a duplicate; the survivor is.
    const dup = await caller('coordinator').post('/api/persons/possible-duplicates', {
      cpr: '010203-1234',
    });
    expect((dup.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([b.id]);
    // And it cannot be merged again.
    expect((await merge('coordinator', a.id, { intoPersonId: b.id, version: 2 })).statusCode).toBe(
      404,
    );
  });

  it("keeps a parent's custody when the parent's two registrations are merged", async () => {
    const db = t.database.db;
    const createdBy = users.coordinator?.id ?? '';
    const child = await registerPerson(db, { createdBy, givenName: 'Barn' });
    const mother = await registerPerson(db, { createdBy, givenName: 'Mor' });
    const motherAgain = await registerPerson(db, { createdBy, givenName: 'Mor' });
    const coordinator = { userId: createdBy, role: 'coordinator' as const };
    // One case knows only the duplicate, as the child's custody holder; another knows both.
    const onlyDuplicate = await createCase(db, {
      persons: [{ id: child.id }, { id: mother.id, role: 'parent' }],
      members: [coordinator],
    });
    const both = await createCase(db, {
      persons: [
        { id: child.id },
        { id: mother.id, role: 'parent' },
        { id: motherAgain.id, role: 'parent' },
      ],
      members: [coordinator],
    });
    await db
      .updateTable('case_persons')
      .set({ custody_holder: true })
      .where('person_id', '=', mother.id)
      .execute();

    const res = await merge('coordinator', mother.id, { intoPersonId: motherAgain.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const places = await db
      .selectFrom('case_persons')
      .select(['case_id', 'role', 'custody_holder'])
      .where('person_id', '=', motherAgain.id)
      .execute();
    expect(places.find((p) => p.case_id === onlyDuplicate.id)).toMatchObject({
      role: 'parent',
      custody_holder: true,
    });
    expect(places.find((p) => p.case_id === both.id)).toMatchObject({
      role: 'parent',
      custody_holder: true,
    });
  });

  it("writes a 'merge' entry for both persons, with ids and field names only", async () => {
    const { a, b } = await pair({ cpr: '0102031235', address: 'Vej 1' }, {});
    const res = await merge('coordinator', a.id, { intoPersonId: b.id, version: 1 });
    expect(res.statusCode).toBe(200);
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows.map((r) => [r.action, r.subject_person_id, r.resource_type])).toEqual([
      ['merge', a.id, 'person'],
      ['merge', b.id, 'person'],
    ]);
    expect(rows[0]?.details).toMatchObject({
      mergedPersonId: a.id,
      intoPersonId: b.id,
      filled: 'birth_date,address,cpr',
      casesMoved: 0,
    });
    // What a person's data could leak into: not the hashes, ids and times, whose hex and digits
    // may hold '1235' by chance.
    const written = JSON.stringify(
      rows.map(({ details, resource_id, purpose, legal_basis }) => ({
        details,
        resource_id,
        purpose,
        legal_basis,
      })),
    );
    expect(written).not.toContain('0102031235');
    expect(written).not.toContain('1235');
    expect(written).not.toContain('Vej 1');
  });

  it('refuses two different CPR numbers with 409, and changes nothing', async () => {
    const { a, b } = await pair({ cpr: '0102031236', address: 'Vej 2' }, { cpr: '0102031237' });
    await createInquiry([a.id]);
    const before = [
      await personRow(a.id),
      await personRow(b.id),
      await links(a.id),
      await links(b.id),
    ];
    const res = await merge('coordinator', a.id, { intoPersonId: b.id, version: 1 });
    expect(res.statusCode).toBe(409);
    const error = (res.json() as ErrorBody).error;
    expect(error.code).toBe('conflict');
    expect(error.meta?.reason).toBe('cpr_differs');
    expect(error.fields?.map((f) => f.code)).toEqual(['merge_cpr_differs']);
    expect(res.body).not.toContain('1236');
    expect(res.body).not.toContain('1237');
    expect([
      await personRow(a.id),
      await personRow(b.id),
      await links(a.id),
      await links(b.id),
    ]).toEqual(before);
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const { a, b } = await pair({}, {});
    await t.database.db.updateTable('persons').set({ version: 3 }).where('id', '=', a.id).execute();
    const res = await merge('coordinator', a.id, { intoPersonId: b.id, version: 2 });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.meta).toEqual({ currentVersion: 3 });
    expect((await personRow(a.id)).merged_into).toBeNull();
  });

  it('refuses the same person, a person of another municipality, and a merged target', async () => {
    const { a, b } = await pair({}, {});
    const same = await merge('coordinator', a.id, { intoPersonId: a.id, version: 1 });
    expect(same.statusCode).toBe(400);
    expect((same.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([
      'body.intoPersonId',
    ]);

    const db = t.database.db;
    const elsewhere = await registerPerson(db, {
      createdBy: users.coordinator147?.id ?? '',
      municipalityCode: '147',
    });
    await createCase(db, {
      municipalityCode: '147',
      persons: [{ id: elsewhere.id }],
      members: [{ userId: users.coordinator147?.id ?? '', role: 'coordinator' }],
    });
    const across = await merge('coordinator', a.id, { intoPersonId: elsewhere.id, version: 1 });
    expect(across.statusCode).toBe(400);
    expect(
      (await merge('coordinator147', elsewhere.id, { intoPersonId: a.id, version: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await merge('coordinator147', a.id, { intoPersonId: elsewhere.id, version: 1 })).statusCode,
    ).toBe(404);

    const { a: c, b: d } = await pair({}, {});
    expect((await merge('coordinator', c.id, { intoPersonId: d.id, version: 1 })).statusCode).toBe(
      200,
    );
    const intoMerged = await merge('coordinator', a.id, { intoPersonId: c.id, version: 1 });
    expect(intoMerged.statusCode).toBe(400);
    expect((await personRow(a.id)).merged_into).toBeNull();
    expect((await personRow(b.id)).version).toBe(1);
  });

  it('moves the link on a finalised network map, moves its version on and audits the map (finding 15)', async () => {
    const db = t.database.db;
    const { a, b, caseId } = await pair({}, {});
    const relation = (personId: string | null) => ({
      key: randomUUID(),
      sector: 'family',
      label: 'Mor',
      closeness: 1,
      quality: 'protective',
      note: null,
      personId,
    });
    const createdBy = users.coordinator?.id ?? '';
    const [linked, unlinked] = [randomUUID(), randomUUID()];
    await db
      .insertInto('network_map_versions')
      .values([
        {
          id: linked,
          municipality_code: '101',
          case_id: caseId,
          number: 1,
          status: 'final',
          drawn_on: '2026-11-02',
          relations: JSON.stringify([relation(a.id), relation(null)]),
          created_by: createdBy,
          finalised_by: createdBy,
          finalised_at: new Date(),
        },
        {
          id: unlinked,
          municipality_code: '101',
          case_id: caseId,
          number: 2,
          drawn_on: '2026-12-01',
          relations: JSON.stringify([relation(null)]),
          created_by: createdBy,
        },
      ])
      .execute();

    const res = await merge('coordinator', a.id, { intoPersonId: b.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const maps = await db
      .selectFrom('network_map_versions')
      .select(['id', 'version', 'relations', 'status'])
      .where('case_id', '=', caseId)
      .orderBy('number')
      .execute();
    expect(maps.map((m) => [m.id, m.version, m.status])).toEqual([
      [linked, 2, 'final'],
      [unlinked, 1, 'draft'],
    ]);
    const relations = (
      typeof maps[0]?.relations === 'string' ? JSON.parse(maps[0].relations) : maps[0]?.relations
    ) as { personId: string | null }[];
    expect(relations.map((r) => r.personId)).toEqual([b.id, null]);

    const audit = await auditRowsOf(db, res);
    const mapRows = audit.filter((r) => r.resource_type === 'network_map');
    expect(mapRows).toHaveLength(1);
    expect(mapRows[0]).toMatchObject({
      action: 'update',
      resource_id: linked,
      subject_person_id: b.id,
      actor_user_id: users.coordinator?.id,
      details: { reason: 'person_merge', mergedPersonId: a.id, intoPersonId: b.id },
    });
    expect(audit.filter((r) => r.action === 'merge')[0]?.details).toMatchObject({
      networkMapsChanged: 1,
    });
  });

  it('is for coordinators only (403), and needs a valid body', async () => {
    const { a, b } = await pair({}, {});
    expect((await merge('caseworker', a.id, { intoPersonId: b.id, version: 1 })).statusCode).toBe(
      403,
    );
    const unknown = await merge('coordinator', a.id, {
      intoPersonId: b.id,
      version: 1,
      force: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect((await personRow(a.id)).merged_into).toBeNull();
  });
});
