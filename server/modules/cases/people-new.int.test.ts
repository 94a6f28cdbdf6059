import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  createPerson,
  fieldsOf,
  registerPerson,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * A new person registered into a case (POST /api/cases/:id/persons with `new`): a CPR number
 * the municipality already holds is refused with the possible-duplicates answer (the persons the
 * caller may see, the others masked) and "Personen findes allerede – vælg den eksisterende" on
 * the field, nothing stored; the create is idempotent by a client-generated `personId`.
 */
let t: TestApp;
let theCase: { id: string };
let coordinator: TestUser;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  const citizen = await createPerson(db, { givenName: 'Mira', familyName: 'Dahl' });
  theCase = await createCase(db, {
    persons: [{ id: citizen.id }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  await logInAll(t, { coordinator }, as);
});
afterAll(() => t.close());

const coordinatorCalls = () => callerIn(as, 'coordinator');
const personsUrl = () => `/api/cases/${theCase.id}/persons`;

/** Everything a refused add could have stored, and the audit entries. */
async function state() {
  const db = t.database.db;
  const count = async (table: 'persons' | 'case_persons' | 'case_events' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const { version } = await db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', theCase.id)
    .executeTakeFirstOrThrow();
  return {
    persons: await count('persons'),
    casePersons: await count('case_persons'),
    events: await count('case_events'),
    audit: await count('audit_log'),
    version,
  };
}

function addNew(version: number, cpr: string | null, extra: Record<string, unknown> = {}) {
  return coordinatorCalls().post(personsUrl(), {
    version,
    role: 'sibling',
    new: { givenName: 'Ny', familyName: 'Dahl', cpr },
    ...extra,
  });
}

/** A registered person with a CPR number, citizen of a case the coordinator is on, or not. */
async function onOwnCase(givenName: string, familyName: string, cpr: string, visible: boolean) {
  const db = t.database.db;
  const person = await registerPerson(db, {
    createdBy: coordinator.id,
    givenName,
    familyName,
    cpr,
  });
  await createCase(db, {
    persons: [{ id: person.id }],
    members: visible ? [{ userId: coordinator.id, role: 'coordinator' }] : [],
  });
  return person;
}

describe(`a new person added to a case (${testEngine})`, () => {
  it('refuses a CPR number of a person the coordinator may see, with that person to choose; nothing stored', async () => {
    const db = t.database.db;
    const brother = await onOwnCase('Adam', 'Dahl', '010203-1235', true);
    const before = await state();
    const res = await addNew(before.version, '0102031235');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.new.cpr:person_exists']);
    const error = (res.json() as { error: { fields: { message: string }[]; meta: unknown } }).error;
    expect(error.fields[0]?.message).toBe('Personen findes allerede – vælg den eksisterende.');
    expect(error.meta).toEqual({
      possibleDuplicates: [
        { id: brother.id, name: 'Adam Dahl', birthDate: '1903-02-01', matchedOn: 'cpr' },
      ],
    });
    expect(res.body).not.toContain('1235');
    // Only the registration shown is in the audit trail, as a search; nothing else changed.
    const audit = await auditRowsOf(db, res);
    expect(audit.map((a) => [a.action, a.subject_person_id])).toEqual([['search', brother.id]]);
    expect(await state()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('refuses a CPR number the municipality holds for someone the coordinator may not see, naming nobody', async () => {
    const hidden = await onOwnCase('Skjult', 'Person', '020304-1234', false);
    const before = await state();
    const res = await addNew(before.version, '020304-1234');
    expect(fieldsOf(res)).toEqual(['body.new.cpr:person_exists']);
    expect((res.json() as { error: { meta: unknown } }).error.meta).toEqual({
      possibleDuplicates: [],
    });
    expect(res.body).not.toContain(hidden.id);
    expect(res.body).not.toContain('Skjult');
    expect(await state()).toEqual(before);
  });

  it('registers a CPR number another municipality holds: that is not this municipality’s person', async () => {
    await registerPerson(t.database.db, {
      createdBy: coordinator.id,
      municipalityCode: '147',
      cpr: '030405-1234',
    });
    const before = await state();
    const res = await addNew(before.version, '030405-1234');
    expect(res.statusCode).toBe(201);
  });

  it('adds a new person once for the same client-generated id, answering a retry as the first time', async () => {
    const personId = randomUUID();
    const before = await state();
    const first = await addNew(before.version, null, { personId });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ personId, version: before.version + 1 });
    const retry = await addNew(before.version, null, { personId });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual({ personId, version: before.version + 1 });
    const after = await state();
    expect(after.persons).toBe(before.persons + 1);
    expect(after.casePersons).toBe(before.casePersons + 1);
    expect(after.events).toBe(before.events + 1);
  });

  it('refuses a client id without a new person, and an id another registration has; nothing stored', async () => {
    const taken = await createPerson(t.database.db, { municipalityCode: '147' });
    const before = await state();
    const alone = await coordinatorCalls().post(personsUrl(), {
      version: before.version,
      role: 'sibling',
      existingPersonId: randomUUID(),
      personId: randomUUID(),
    });
    expect(fieldsOf(alone)).toEqual(['body.personId:not_allowed_without_new']);
    const clash = await addNew(before.version, null, { personId: taken.id });
    expect(clash.statusCode).toBe(400);
    expect(fieldsOf(clash)).toEqual(['body.personId:invalid']);
    expect(await state()).toEqual(before);
  });
});
