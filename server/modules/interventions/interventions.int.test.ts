import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../access/roles.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../../demo/seed.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  callsByName,
  countOf,
  createUnit,
  fieldsIn as fieldsOf,
  type ErrorBody,
} from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';
import { STANDARD_INTERVENTIONS } from './catalogue-seed.ts';
import type { InterventionType, LoadStandardResult } from './schema.ts';

/**
 * The interventions catalogue through the real app: everyone who works with cases or
 * administers reads the catalogue of their own municipality; coordinators and municipal
 * administrators change it and load the standard catalogue into an empty one; another
 * municipality's type answers 404, as a missing one; the responsible unit must be the
 * municipality's; changes use optimistic locking and write their audit entry in the same
 * transaction.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, LoggedIn> = {};
let sspUnit: { id: string };
let otherUnit: { id: string };
let mentor: InterventionType;

const call = callsByName(() => t.app, as);

async function auditRows(resourceId?: string) {
  let query = t.database.db
    .selectFrom('audit_log')
    .select(['action', 'resource_id', 'actor_user_id', 'actor_role', 'municipality_code'])
    .select('details')
    .where('resource_type', '=', 'intervention_type');
  if (resourceId) query = query.where('resource_id', '=', resourceId);
  return query.orderBy('id').execute();
}

/** Types and their audit entries: to prove a refused request changed nothing. */
async function state() {
  const count = (query: string) => countOf(t.database.db, query);
  return {
    types: await count('select count(*)::int as n from intervention_types'),
    versions: await count('select coalesce(sum(version), 0)::int as n from intervention_types'),
    audit: await count(
      `select count(*)::int as n from audit_log where resource_type = 'intervention_type'`,
    ),
  };
}

async function addUser(name: string, roles: Role[], municipalityCode = '101') {
  users[name] = await createUser(t.database.db, { roles, municipalityCode });
  as[name] = await login(t.app, users[name]);
}

const base = {
  code: 'mentor_special',
  name: '  Mentorforløb  ',
  level: 'anticipating',
  ageGroup: 'under_18',
};

beforeAll(async () => {
  t = await startTestApp();
  sspUnit = await createUnit(t.database.db, { name: 'SSP København', kind: 'ssp' });
  otherUnit = await createUnit(t.database.db, { municipalityCode: '147', name: 'SSP Frb.' });
  await addUser('coordinator', ['coordinator']);
  await addUser('admin', ['municipal_admin']);
  await addUser('caseworker', ['caseworker']);
  await addUser('mentor', ['mentor']);
  await addUser('hotline', ['hotline']);
  await addUser('otherAdmin', ['municipal_admin'], '147');
});
afterAll(() => t.close());

describe(`intervention types: creating and changing (${testEngine})`, () => {
  it('lets a coordinator add a type to their catalogue, audited as create', async () => {
    const res = await call<InterventionType>('coordinator', 'POST', '/api/intervention-types', {
      ...base,
      legalBasis: 'Barnets lov § 32',
      responsibleUnitId: sspUnit.id,
      tailored: true,
    });
    expect(res.status).toBe(201);
    mentor = res.body;
    expect(mentor).toMatchObject({
      municipalityCode: '101',
      code: 'mentor_special',
      name: 'Mentorforløb',
      description: null,
      level: 'anticipating',
      ageGroup: 'under_18',
      legalBasis: 'Barnets lov § 32',
      consentRequired: false,
      responsibleUnitId: sspUnit.id,
      responsibleUnitName: 'SSP København',
      tailored: true,
      active: true,
      version: 1,
    });
    expect(await auditRows(mentor.id)).toEqual([
      {
        action: 'create',
        resource_id: mentor.id,
        actor_user_id: users.coordinator?.id,
        actor_role: 'coordinator',
        municipality_code: '101',
        details: {},
      },
    ]);
  });

  it('lets a municipal administrator add one too, but not a caseworker (403)', async () => {
    const res = await call<InterventionType>('admin', 'POST', '/api/intervention-types', {
      code: 'counselling_12b',
      name: 'Rådgivning § 12 b',
      level: 'anticipating',
      ageGroup: 'adult',
      legalBasis: 'Serviceloven § 12 b',
      consentRequired: true,
    });
    expect(res.status).toBe(201);
    expect((await auditRows(res.body.id))[0]?.actor_role).toBe('municipal_admin');
    const before = await state();
    const denied = await call('caseworker', 'POST', '/api/intervention-types', {
      ...base,
      code: 'own',
    });
    expect(denied.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('refuses a taken code (409 naming body.code), bad values and unknown fields (400)', async () => {
    const before = await state();
    const taken = await call<ErrorBody>('admin', 'POST', '/api/intervention-types', base);
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['body.code:intervention_code_taken']);
    const unknown = await call('admin', 'POST', '/api/intervention-types', {
      ...base,
      code: 'x1',
      municipalityCode: '147',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['body.municipalityCode:unrecognized_keys']);
    const bad = await call('admin', 'POST', '/api/intervention-types', {
      ...base,
      code: 'Mentor Special',
      level: 'high',
      name: ' ',
    });
    expect(bad.status).toBe(400);
    expect(
      fieldsOf(bad.body)
        .map((f) => f.split(':')[0])
        .sort(),
    ).toEqual(['body.code', 'body.level', 'body.name']);
    expect(await state()).toEqual(before);
  });

  it('requires the responsible unit to be of the municipality (400 naming body.responsibleUnitId)', async () => {
    const before = await state();
    for (const unitId of [otherUnit.id, '00000000-0000-4000-8000-00000000beef']) {
      const created = await call('admin', 'POST', '/api/intervention-types', {
        ...base,
        code: 'elsewhere',
        responsibleUnitId: unitId,
      });
      expect(created.status).toBe(400);
      expect(fieldsOf(created.body)).toEqual(['body.responsibleUnitId:unit_not_in_municipality']);
      const changed = await call('admin', 'PATCH', `/api/intervention-types/${mentor.id}`, {
        version: 1,
        responsibleUnitId: unitId,
      });
      expect(changed.status).toBe(400);
      expect(fieldsOf(changed.body)).toEqual(['body.responsibleUnitId:unit_not_in_municipality']);
    }
    expect(await state()).toEqual(before);
  });

  it('changes with the current version, refuses a stale one (409 with currentVersion)', async () => {
    const url = `/api/intervention-types/${mentor.id}`;
    const changed = await call<InterventionType>('admin', 'PATCH', url, {
      version: 1,
      name: 'Mentorforløb (særligt uddannede mentorer)',
      responsibleUnitId: null,
      active: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Mentorforløb (særligt uddannede mentorer)',
      responsibleUnitId: null,
      responsibleUnitName: null,
      active: false,
      code: 'mentor_special',
      version: 2,
    });
    const before = await state();
    const stale = await call<ErrorBody>('coordinator', 'PATCH', url, { version: 1, name: 'X' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', meta: { currentVersion: 2 } });
    const code = await call('coordinator', 'PATCH', url, { version: 2, code: 'other' });
    expect(fieldsOf(code.body)).toEqual(['body.code:unrecognized_keys']);
    const noVersion = await call('coordinator', 'PATCH', url, { name: 'X' });
    expect(fieldsOf(noVersion.body)).toEqual(['body.version:required']);
    const denied = await call('mentor', 'PATCH', url, { version: 2, name: 'X' });
    expect(denied.status).toBe(403);
    // Nothing changed: no new version, no audit entry.
    const same = await call<InterventionType>('coordinator', 'PATCH', url, {
      version: 2,
      active: false,
    });
    expect(same.body.version).toBe(2);
    expect(await state()).toEqual(before);
    expect((await auditRows(mentor.id)).map((r) => [r.action, r.details])).toEqual([
      ['create', {}],
      ['update', { fields: 'name,responsibleUnitId,active' }],
    ]);
  });

  it("answers 404 for another municipality's type, as for a missing one, changing nothing", async () => {
    const before = await state();
    const url = `/api/intervention-types/${mentor.id}`;
    const other = await call<ErrorBody>('otherAdmin', 'PATCH', url, { version: 2, name: 'X' });
    expect(other.status).toBe(404);
    const missing = await call<ErrorBody>(
      'otherAdmin',
      'PATCH',
      '/api/intervention-types/00000000-0000-4000-8000-00000000beef',
      { version: 2, name: 'X' },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe(other.body.error.code);
    const list = await call<{ items: InterventionType[] }>(
      'otherAdmin',
      'GET',
      '/api/intervention-types',
    );
    expect(list.body.items).toEqual([]);
    expect(await state()).toEqual(before);
  });
});

describe(`intervention types: the list and the standard catalogue (${testEngine})`, () => {
  it('lists the whole catalogue to those who keep it, with filters; 403 for case members and hotline', async () => {
    const all = await call<{ items: InterventionType[] }>(
      'coordinator',
      'GET',
      '/api/intervention-types',
    );
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => i.code)).toEqual(['mentor_special', 'counselling_12b']);
    const get = async (query: string) =>
      (
        await call<{ items: InterventionType[] }>(
          'admin',
          'GET',
          `/api/intervention-types?${query}`,
        )
      ).body.items.map((i) => i.code);
    expect(await get('active=true')).toEqual(['counselling_12b']);
    expect(await get('active=false')).toEqual(['mentor_special']);
    expect(await get('ageGroup=adult')).toEqual(['counselling_12b']);
    expect(await get('ageGroup=under_18&level=anticipating')).toEqual(['mentor_special']);
    expect(await get('level=building')).toEqual([]);
    // Case members choose from their case's interventions tab, which names an entry that reveals
    // the concern only to the compartment's readers; the whole list would name them all.
    for (const who of ['caseworker', 'mentor', 'hotline']) {
      expect((await call(who, 'GET', '/api/intervention-types')).status, who).toBe(403);
    }
    expect((await call('admin', 'GET', '/api/intervention-types?level=x')).status).toBe(400);
  });

  it('loads the standard catalogue into an empty one, once, audited per offer', async () => {
    const unit = await createUnit(t.database.db, {
      municipalityCode: '147',
      kind: 'jobcenter',
      name: 'Jobcenter Frederiksberg',
    });
    const res = await call<LoadStandardResult>(
      'otherAdmin',
      'POST',
      '/api/intervention-types/load-standard',
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(STANDARD_INTERVENTIONS.length);
    expect(res.body.items).toHaveLength(STANDARD_INTERVENTIONS.length);
    expect(res.body.items.every((i) => i.municipalityCode === '147')).toBe(true);
    // Ordered by level: building first.
    expect(res.body.items[0]?.level).toBe('building');
    expect(res.body.items.at(-1)?.level).toBe('intervening');
    const byCode = new Map(res.body.items.map((i) => [i.code, i]));
    expect(byCode.get('mentor_lab')).toMatchObject({
      legalBasis: 'LAB kap. 9 b',
      responsibleUnitId: unit.id,
    });
    expect(byCode.get('counselling_12b')).toMatchObject({
      legalBasis: 'Serviceloven § 12 b',
      ageGroup: 'adult',
      consentRequired: true,
    });
    expect(byCode.get('parent_coach')?.tailored).toBe(true);
    // Every standard offer names its legal basis (none shows "Intet angivet").
    expect(res.body.items.filter((i) => !i.legalBasis).map((i) => i.code)).toEqual([]);
    expect(byCode.get('mentor_programme')?.legalBasis).toContain('Barnets lov § 32');
    expect(byCode.get('parent_coach')?.legalBasis).toContain('Barnets lov § 32');
    expect(byCode.get('exit_programme')?.legalBasis).toContain('Serviceloven § 12 b');
    // A unit kind the municipality does not have: no responsible unit.
    expect(byCode.get('exit_programme')?.responsibleUnitId).toBeNull();
    const rows = (await auditRows()).filter((r) => r.municipality_code === '147');
    expect(rows).toHaveLength(STANDARD_INTERVENTIONS.length);
    expect(rows.every((r) => r.action === 'create' && r.actor_role === 'municipal_admin')).toBe(
      true,
    );
    expect(rows[0]?.details).toEqual({ source: 'standard' });

    const before = await state();
    const again = await call<LoadStandardResult>(
      'otherAdmin',
      'POST',
      '/api/intervention-types/load-standard',
      {},
    );
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    expect(await state()).toEqual(before);
    // Municipality 101 already has a catalogue: nothing is loaded there either.
    const own = await call<LoadStandardResult>(
      'coordinator',
      'POST',
      '/api/intervention-types/load-standard',
      {},
    );
    expect(own.body.created).toBe(0);
    const denied = await call('caseworker', 'POST', '/api/intervention-types/load-standard', {});
    expect(denied.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('seeds the standard catalogue for Demo Kommune, and not twice', async () => {
    await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const count = async () =>
      (
        await t.database.db
          .selectFrom('intervention_types')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count())).toBe(STANDARD_INTERVENTIONS.length);
    await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    expect(Number(await count())).toBe(STANDARD_INTERVENTIONS.length);
  });
});
