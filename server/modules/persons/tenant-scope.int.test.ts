import { describe, expect, it } from 'vitest';
import { findPersonAccess } from '../../access/person-access.ts';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { A, B, BIRTH_DATE, NAME, t, useTenantWorld, w } from '../../test/tenant-world.ts';
import { moveCasePersonLinks } from '../cases/queries-person-links.ts';
import { moveInquiryPersonLinks } from '../inquiries/queries-person-links.ts';
import {
  findActivePerson,
  findPersonHeader,
  loadPerson,
  loadRelations,
  type PersonKey,
} from './queries.ts';
import { keepFromArchive, scheduleArchive } from './queries-registry.ts';

/**
 * The tenant key in the person register (db/migrations/0015, docs/SECURITY.md): a person of
 * another municipality, whose id the caller knows, is neither read nor changed — not through the
 * routes (404 as for any id), not in the search while registering, and not through the queries
 * even when a coding mistake paired the right person id with the caller's own municipality. The
 * caller is by mistake a member of the other municipality's forum and case.
 */
useTenantWorld();

async function personRow(id: string) {
  return t.database.db
    .selectFrom('persons')
    .select(['version', 'given_name', 'address', 'archive_after', 'merged_into'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function relationCount(): Promise<number> {
  const rows = await t.database.db
    .selectFrom('person_relations')
    .select('relation')
    .where('person_id', '=', w.personB.id)
    .where('related_person_id', '=', w.relativeB.id)
    .execute();
  return rows.length;
}

describe(`the tenant key in the person register (${testEngine})`, () => {
  it("another municipality's person answers 404 through the routes, unchanged", async () => {
    const before = await personRow(w.personB.id);
    // B's own coordinator sees the person: the id is real.
    expect((await w.asB.get(`/api/persons/${w.personB.id}`)).statusCode).toBe(200);

    const id = w.personB.id;
    expect((await w.asA.get(`/api/persons/${id}`)).statusCode).toBe(404);
    expect((await w.asA.post(`/api/persons/${id}/cpr`, {})).statusCode).toBe(404);
    const update = await w.asA.patch(`/api/persons/${id}`, {
      version: before.version,
      address: 'Ændret på tværs af kommuner',
    });
    expect(update.statusCode).toBe(404);
    const relate = await w.asA.post(`/api/persons/${id}/relations`, {
      relatedPersonId: w.relativeB.id,
      relation: 'sibling',
    });
    expect(relate.statusCode).toBe(404);
    const unrelate = await w.asA.delete(`/api/persons/${id}/relations/${w.relativeB.id}`);
    expect(unrelate.statusCode).toBe(404);
    // Naming B's person from one's own: the answer for a person one cannot see.
    const fromOwn = await w.asA.post(`/api/persons/${w.personA.id}/relations`, {
      relatedPersonId: id,
      relation: 'sibling',
    });
    expect(fromOwn.statusCode).toBe(400);
    expect(fromOwn.json()).toMatchObject({
      error: { fields: [{ field: 'body.relatedPersonId', code: 'relation_person_not_found' }] },
    });
    expect(await personRow(id)).toEqual(before);
    expect(await relationCount()).toBe(1);
  });

  it("the search while registering finds the caller's own person, never another municipality's", async () => {
    const body = { ...NAME, birthDate: BIRTH_DATE };
    const ofB = await w.asB.post('/api/persons/possible-duplicates', body);
    expect(ofB.json()).toMatchObject({ items: [{ id: w.personB.id }] });

    const ofA = await w.asA.post('/api/persons/possible-duplicates', body);
    expect(ofA.statusCode).toBe(200);
    expect((ofA.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
      w.personA.id,
    ]);
  });

  it('the queries match the key: the right person id with the wrong municipality finds nothing', async () => {
    const db = t.database.db;
    const wrongKey: PersonKey = { personId: w.personB.id, municipalityCode: A };
    const rightKey: PersonKey = { personId: w.personB.id, municipalityCode: B };

    expect(await findPersonAccess(db, w.userA, w.personB.id)).toBeUndefined();
    expect(await findPersonAccess(db, w.userB, w.personB.id)).toBeDefined();
    expect(await findActivePerson(db, rightKey)).toBeDefined();
    expect(await findActivePerson(db, wrongKey)).toBeUndefined();
    expect(await loadPerson(db, testKeys.secret, w.userA, wrongKey)).toBeUndefined();
    expect(await loadRelations(db, w.userB, rightKey)).toHaveLength(1);
    expect(await loadRelations(db, w.userB, wrongKey)).toEqual([]);
    expect(await findPersonHeader(db, w.userB, w.personB.id)).toBeDefined();
    expect(await findPersonHeader(db, w.userA, w.personB.id)).toBeUndefined();

    await db
      .updateTable('persons')
      .set({ archive_after: new Date('2030-01-01T00:00:00Z') })
      .where('id', '=', w.personB.id)
      .execute();
    const before = await personRow(w.personB.id);
    const relative = await personRow(w.relativeB.id);
    await db.transaction().execute(async (trx) => {
      await keepFromArchive(trx, A, [w.personB.id]);
      await scheduleArchive(trx, A, [w.relativeB.id], 1);
      expect(await moveInquiryPersonLinks(trx, A, w.personB.id, w.personA.id)).toBe(0);
      expect(await moveCasePersonLinks(trx, A, w.personB.id, w.personA.id)).toBe(0);
    });
    expect(await personRow(w.personB.id)).toEqual(before);
    expect(await personRow(w.relativeB.id)).toEqual(relative);
    const links = await db
      .selectFrom('inquiry_persons')
      .select('person_id')
      .where('inquiry_id', '=', w.inquiryB.id)
      .execute();
    expect(links.map((l) => l.person_id)).toContain(w.personB.id);
  });
});
