import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  createPerson,
  createUnit,
  fieldsOf,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * The persons of a case, changed on the case by its coordinators: an existing person the
 * coordinator may see or a new one is added with a role, a person is taken out with a reason.
 * Each change is one chronology event with its audit entries; bad input is refused with the
 * field named and nothing stored; a person the caller may not see is 404 like a random id.
 */
let t: TestApp;
let theCase: { id: string };
let citizen: { id: string; name: string };
let coordinator: TestUser;
let member: TestUser;
let outsider: TestUser;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  member = await createUser(db, { roles: ['caseworker'] });
  outsider = await createUser(db, { roles: ['coordinator'] });
  citizen = await createPerson(db, { givenName: 'Sara', familyName: 'Holm' });
  theCase = await createCase(db, {
    persons: [{ id: citizen.id }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
    ],
  });
  await logInAll(t, { coordinator, member, outsider }, as);
});
afterAll(() => t.close());

const caller = (name: 'coordinator' | 'member' | 'outsider'): Client => callerIn(as, name);
const personsUrl = () => `/api/cases/${theCase.id}/persons`;
const removalUrl = (personId: string) => `${personsUrl()}/${personId}/removal`;

async function version(): Promise<number> {
  const row = await t.database.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', theCase.id)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** The case's persons, events, version, every person and audit row: unchanged by a refusal. */
async function state() {
  const db = t.database.db;
  const persons = await db
    .selectFrom('case_persons')
    .select(['person_id', 'role'])
    .where('case_id', '=', theCase.id)
    .orderBy('person_id')
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', theCase.id)
    .execute();
  const registered = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    persons,
    events: events.length,
    version: await version(),
    registered: Number(registered.n),
    audit: Number(audit.n),
  };
}

async function lastEvent() {
  return t.database.db
    .selectFrom('case_events')
    .select(['kind', 'changes', 'actor_user_id'])
    .where('case_id', '=', theCase.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

/** A person the coordinator may see: on another case of theirs. */
async function visiblePerson(name: { givenName: string; familyName: string }) {
  const db = t.database.db;
  const person = await createPerson(db, name);
  const other = await createPerson(db);
  await createCase(db, {
    persons: [{ id: other.id }, { id: person.id, role: 'parent' }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  return person;
}

describe(`persons in a case (${testEngine})`, () => {
  it('the coordinator adds a person they may see; the chronology and the audit trail show it', async () => {
    const mother = await visiblePerson({ givenName: 'Hanne', familyName: 'Holm' });
    const before = await version();
    const res = await caller('coordinator').post(personsUrl(), {
      version: before,
      role: 'parent',
      existingPersonId: mother.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ personId: mother.id, version: before + 1 });
    const detail = await caller('coordinator').get(`/api/cases/${theCase.id}`);
    const persons = (detail.json() as { persons: { id: string; role: string }[] }).persons;
    expect(persons).toContainEqual(expect.objectContaining({ id: mother.id, role: 'parent' }));
    expect(await lastEvent()).toMatchObject({
      kind: 'person_added',
      actor_user_id: coordinator.id,
      changes: {
        person: { from: null, to: 'Hanne Holm' },
        personRole: { from: null, to: 'parent' },
      },
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([citizen.id, mother.id].sort());
    expect(audit[0]?.details).toMatchObject({ change: 'person_added', personId: mother.id });
  });

  it('the coordinator registers a new person into the case with a new role (child)', async () => {
    const res = await caller('coordinator').post(personsUrl(), {
      version: await version(),
      role: 'child',
      new: { givenName: 'Lille', familyName: 'Holm', cpr: '140310-4321' },
    });
    expect(res.statusCode).toBe(201);
    const { personId } = res.json() as { personId: string };
    const row = await t.database.db
      .selectFrom('persons')
      .select(['given_name', 'birth_date', 'cpr_digest', 'municipality_code'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ given_name: 'Lille', birth_date: '2010-03-14' });
    expect(row.cpr_digest).not.toBeNull();
    expect((await state()).persons).toContainEqual({ person_id: personId, role: 'child' });
  });

  it('removes a person with the reason in the chronology', async () => {
    const friend = await visiblePerson({ givenName: 'Ven', familyName: 'Berg' });
    const added = await caller('coordinator').post(personsUrl(), {
      version: await version(),
      role: 'friend',
      existingPersonId: friend.id,
    });
    expect(added.statusCode).toBe(201);
    const res = await caller('coordinator').post(removalUrl(friend.id), {
      version: await version(),
      reason: 'Registreret ved en fejl',
    });
    expect(res.statusCode).toBe(200);
    expect((await state()).persons.map((p) => p.person_id)).not.toContain(friend.id);
    expect(await lastEvent()).toMatchObject({
      kind: 'person_removed',
      changes: {
        person: { from: 'Ven Berg', to: null },
        personRole: { from: 'friend', to: null },
        reason: { from: null, to: 'Registreret ved en fejl' },
      },
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => a.subject_person_id)).toContain(friend.id);
  });

  it('refuses a person already in the case (400 naming the field), nothing stored', async () => {
    const before = await state();
    const res = await caller('coordinator').post(personsUrl(), {
      version: before.version,
      role: 'sibling',
      existingPersonId: citizen.id,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.existingPersonId:person_in_case']);
    const message = (res.json() as { error: { fields: { message: string }[] } }).error.fields[0];
    expect(message?.message).toBe('Personen er allerede med i sagen.');
    expect(await state()).toEqual(before);
  });

  it('refuses a role not in the list (the citizen role too), nothing stored', async () => {
    const person = await visiblePerson({ givenName: 'Rolle', familyName: 'Test' });
    const before = await state();
    for (const role of ['cousin', 'citizen']) {
      const res = await caller('coordinator').post(personsUrl(), {
        version: before.version,
        role,
        existingPersonId: person.id,
      });
      expect(res.statusCode, role).toBe(400);
      expect(fieldsOf(res), role).toEqual(['body.role:invalid_value']);
    }
    expect(await state()).toEqual(before);
  });

  it('a person the caller may not see is 404 exactly like a random id, nothing stored', async () => {
    const db = t.database.db;
    const hidden = await createPerson(db);
    await createCase(db, {
      persons: [{ id: hidden.id }],
      members: [{ userId: outsider.id, role: 'coordinator' }],
    });
    const elsewhere = await createPerson(db, { municipalityCode: '147' });
    const before = await state();
    const answers = [];
    for (const id of [hidden.id, elsewhere.id, randomUUID()]) {
      const res = await caller('coordinator').post(personsUrl(), {
        version: before.version,
        role: 'other',
        existingPersonId: id,
      });
      expect(res.statusCode, id).toBe(404);
      const body = res.json() as { error: Record<string, unknown> };
      answers.push({ ...body.error, requestId: null });
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[2]);
    expect(await state()).toEqual(before);
  });

  it('refuses removing the citizen, or without a reason, nothing stored', async () => {
    const parent = await visiblePerson({ givenName: 'Far', familyName: 'Holm' });
    const added = await caller('coordinator').post(personsUrl(), {
      version: await version(),
      role: 'parent',
      existingPersonId: parent.id,
    });
    expect(added.statusCode).toBe(201);
    const before = await state();
    const citizenRes = await caller('coordinator').post(removalUrl(citizen.id), {
      version: before.version,
      reason: 'Forkert borger',
    });
    expect(citizenRes.statusCode).toBe(400);
    expect(fieldsOf(citizenRes)).toEqual(['params.personId:citizen_not_removable']);
    for (const body of [{ version: before.version }, { version: before.version, reason: '  ' }]) {
      const res = await caller('coordinator').post(removalUrl(parent.id), body);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)[0]).toMatch(/^body\.reason:/);
    }
    const unknown = await caller('coordinator').post(removalUrl(randomUUID()), {
      version: before.version,
      reason: 'Findes ikke',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('refuses both or neither of an existing and a new person, and an invalid CPR number', async () => {
    const before = await state();
    const both = await caller('coordinator').post(personsUrl(), {
      version: before.version,
      role: 'other',
      existingPersonId: citizen.id,
      new: { givenName: 'A', familyName: 'B' },
    });
    expect(fieldsOf(both)).toEqual(['body.existingPersonId:person_one_of']);
    const neither = await caller('coordinator').post(personsUrl(), {
      version: before.version,
      role: 'other',
    });
    expect(fieldsOf(neither)).toEqual(['body.existingPersonId:person_one_of']);
    const badCpr = await caller('coordinator').post(personsUrl(), {
      version: before.version,
      role: 'other',
      new: { givenName: 'A', familyName: 'B', cpr: '3102031234' },
    });
    expect(fieldsOf(badCpr)).toEqual(['body.new.cpr:invalid_cpr']);
    expect(await state()).toEqual(before);
  });

  it('a stale version is 409; a plain member 403; a non-member 404; nothing stored', async () => {
    const person = await visiblePerson({ givenName: 'Stale', familyName: 'Holm' });
    const before = await state();
    const body = { version: before.version, role: 'other', existingPersonId: person.id };
    const stale = await caller('coordinator').post(personsUrl(), {
      ...body,
      version: before.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { meta: { currentVersion: before.version } } });
    expect((await caller('member').post(personsUrl(), body)).statusCode).toBe(403);
    expect((await caller('outsider').post(personsUrl(), body)).statusCode).toBe(404);
    const removal = { version: before.version, reason: 'Ikke relevant' };
    const [firstPerson] = before.persons.filter((p) => p.role !== 'citizen');
    const target = firstPerson?.person_id ?? randomUUID();
    expect((await caller('member').post(removalUrl(target), removal)).statusCode).toBe(403);
    expect((await caller('outsider').post(removalUrl(target), removal)).statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('a closed case takes no new persons', async () => {
    const db = t.database.db;
    const closed = await createCase(db, {
      persons: [{ id: (await createPerson(db)).id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await db.updateTable('cases').set({ status: 'closed' }).where('id', '=', closed.id).execute();
    const res = await caller('coordinator').post(`/api/cases/${closed.id}/persons`, {
      version: 1,
      role: 'other',
      new: { givenName: 'Ny', familyName: 'Person' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['case.status:case_closed']);
    const detail = await caller('coordinator').get(`/api/cases/${closed.id}`);
    const abilities = (detail.json() as { abilities: { persons: { write: boolean } } }).abilities;
    expect(abilities.persons.write).toBe(false);
  });
});

describe(`colleagues to add as members (${testEngine})`, () => {
  it('lists active users of the municipality who are not members yet, with their units', async () => {
    const db = t.database.db;
    const unit = await createUnit(db, { name: 'SSP Nord' });
    const colleague = await createUser(db, { roles: ['mentor'] });
    await db.insertInto('user_units').values({ user_id: colleague.id, unit_id: unit.id }).execute();
    const elsewhere = await createUser(db, { roles: ['caseworker'], municipalityCode: '147' });
    const res = await caller('coordinator').get(`/api/cases/${theCase.id}/member-candidates`);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { id: string; units: string[] }[] }).items;
    const ids = items.map((i) => i.id);
    expect(items.find((i) => i.id === colleague.id)?.units).toEqual(['SSP Nord']);
    expect(ids).not.toContain(member.id);
    expect(ids).not.toContain(coordinator.id);
    expect(ids).not.toContain(elsewhere.id);
    const plain = await caller('member').get(`/api/cases/${theCase.id}/member-candidates`);
    expect(plain.statusCode).toBe(403);
  });
});
