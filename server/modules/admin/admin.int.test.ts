import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  TEST_PASSWORD,
  createUser,
  login,
  type LoggedIn,
  type TestUser,
} from '../../test/users.ts';
import type { AdminUnit, AdminUser, AuditEntry } from './schema.ts';

/**
 * The administration through the real app: scope by municipality (another municipality's users
 * and units answer 404), the role rules, optimistic locking, sessions ending on disable and
 * second-factor reset, audit entries in the same transaction, and the audit viewer.
 */
let t: TestApp;
let admin: TestUser;
let adminSession: LoggedIn;
let otherAdmin: LoggedIn;
let systemAdmin: LoggedIn;
let dpo: LoggedIn;
let dpoUser: TestUser;
let caseworker: LoggedIn;
let unit: AdminUnit;
let otherUnit: AdminUnit;

interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; code: string; message: string }[];
    meta?: Record<string, unknown>;
  };
}

type Method = 'GET' | 'POST' | 'PATCH';

async function call<T = unknown>(
  who: LoggedIn,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({
    method,
    url,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      'accept-language': 'da',
    },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json() as T };
}

const fieldsOf = (body: unknown) =>
  ((body as ErrorBody).error.fields ?? []).map((f) => `${f.field}:${f.code}`);

async function countRows(table: 'users' | 'user_units' | 'units'): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db);
  return r.rows[0]?.n ?? 0;
}

async function auditRows(resourceId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'resource_type', 'actor_role', 'municipality_code', 'details'])
    .where('resource_id', '=', resourceId)
    .orderBy('id')
    .execute();
}

let counter = 0;
function newUserBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    username: `ny.bruger${counter}`,
    displayName: `Ny Bruger ${counter}`,
    roles: ['caseworker'],
    unitIds: [unit.id],
    password: 'Lang-og-sjælden-adgangskode-42',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  admin = await createUser(db, { roles: ['municipal_admin'] });
  adminSession = await login(t.app, admin);
  otherAdmin = await login(
    t.app,
    await createUser(db, { roles: ['municipal_admin'], municipalityCode: '147' }),
  );
  systemAdmin = await login(
    t.app,
    await createUser(db, { roles: ['system_admin'], municipalityCode: null }),
  );
  dpoUser = await createUser(db, { roles: ['data_protection'] });
  dpo = await login(t.app, dpoUser);
  caseworker = await login(t.app, await createUser(db, { roles: ['caseworker'] }));

  const created = await call<AdminUnit>(adminSession, 'POST', '/api/admin/units', {
    name: 'Forebyggelse Nord',
    kind: 'ssp',
  });
  expect(created.status).toBe(201);
  unit = created.body;
  const other = await call<AdminUnit>(otherAdmin, 'POST', '/api/admin/units', {
    name: 'Forebyggelse Frederiksberg',
    kind: 'ssp',
  });
  expect(other.status).toBe(201);
  otherUnit = other.body;
});
afterAll(() => t.close());

describe(`administration of units (${testEngine})`, () => {
  it('lists only the own municipality’s units and audits creation', async () => {
    const { body } = await call<{ items: AdminUnit[] }>(adminSession, 'GET', '/api/admin/units');
    expect(body.items.map((u) => u.id)).toEqual([unit.id]);
    expect(unit).toMatchObject({ municipalityCode: '101', kind: 'ssp', version: 1 });
    const rows = await auditRows(unit.id);
    expect(rows).toMatchObject([
      {
        action: 'create',
        resource_type: 'unit',
        actor_role: 'municipal_admin',
        municipality_code: '101',
      },
    ]);
  });

  it('refuses a taken unit name with 409 naming the field', async () => {
    const res = await call(adminSession, 'POST', '/api/admin/units', {
      name: 'Forebyggelse Nord',
      kind: 'jobcenter',
    });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['body.name:unit_name_taken']);
  });

  it('renames with the current version, refuses a stale one and hides other municipalities', async () => {
    const renamed = await call<AdminUnit>(adminSession, 'PATCH', `/api/admin/units/${unit.id}`, {
      name: 'Forebyggelse Nord og Syd',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    unit = renamed.body;
    const stale = await call<ErrorBody>(adminSession, 'PATCH', `/api/admin/units/${unit.id}`, {
      name: 'Forældet navn',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', meta: { currentVersion: 2 } });
    expect(
      (await call(otherAdmin, 'PATCH', `/api/admin/units/${unit.id}`, { name: 'X', version: 2 }))
        .status,
    ).toBe(404);
    const rows = await auditRows(unit.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
  });
});

describe(`administration of users (${testEngine})`, () => {
  let created: AdminUser;

  it('creates a user with roles, units and an initial password, audited as create', async () => {
    const res = await call<AdminUser>(adminSession, 'POST', '/api/admin/users', newUserBody());
    expect(res.status).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      roles: ['caseworker'],
      municipalityCode: '101',
      units: [{ id: unit.id, name: unit.name }],
      status: 'active',
      secondFactorEnrolled: false,
      version: 1,
    });
    const rows = await auditRows(created.id);
    expect(rows).toEqual([
      {
        action: 'create',
        resource_type: 'user',
        actor_role: 'municipal_admin',
        municipality_code: '101',
        details: { roles: 'caseworker', unitIds: unit.id },
      },
    ]);
    // Names never go into the audit trail.
    expect(JSON.stringify(rows)).not.toContain(created.displayName);
  });

  it('refuses a taken username with 409 naming body.username', async () => {
    const res = await call<ErrorBody>(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ username: created.username }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(fieldsOf(res.body)).toEqual(['body.username:username_taken']);
  });

  it('applies the password rules to the initial password', async () => {
    const common = await call(adminSession, 'POST', '/api/admin/users', {
      ...newUserBody(),
      password: 'password1234',
    });
    expect(common.status).toBe(400);
    expect(fieldsOf(common.body)).toEqual(['body.password:password_common']);
    const body = newUserBody();
    const withName = await call(adminSession, 'POST', '/api/admin/users', {
      ...body,
      password: `${body.username}-og-mere-tekst`,
    });
    expect(fieldsOf(withName.body)).toEqual(['body.password:password_contains_username']);
  });

  it('rejects unknown fields, foreign units and unknown roles, storing nothing (400)', async () => {
    const before = [await countRows('users'), await countRows('user_units')];
    const unknown = await call(adminSession, 'POST', '/api/admin/users', {
      ...newUserBody(),
      isAdmin: true,
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['body.isAdmin:unrecognized_keys']);
    const foreign = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ unitIds: [otherUnit.id] }),
    );
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['body.unitIds:unit_not_in_municipality']);
    const role = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ roles: ['king'] }),
    );
    expect(role.status).toBe(400);
    expect([await countRows('users'), await countRows('user_units')]).toEqual(before);
  });

  it('lets a municipal administrator neither grant system_admin nor create elsewhere', async () => {
    const before = await countRows('users');
    const grant = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ roles: ['system_admin'] }),
    );
    expect(grant.status).toBe(403);
    expect(fieldsOf(grant.body)).toEqual(['body.roles:role_not_grantable']);
    const elsewhere = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ municipalityCode: '147', unitIds: [] }),
    );
    expect(elsewhere.status).toBe(403);
    const patch = await call(adminSession, 'PATCH', `/api/admin/users/${created.id}`, {
      version: created.version,
      roles: ['caseworker', 'system_admin'],
    });
    expect(patch.status).toBe(403);
    expect(await countRows('users')).toBe(before);
    const after = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${created.id}`);
    expect(after.body.roles).toEqual(['caseworker']);
  });

  it('answers 404 for a user of another municipality, whatever the action', async () => {
    const id = created.id;
    expect((await call(otherAdmin, 'GET', `/api/admin/users/${id}`)).status).toBe(404);
    expect(
      (await call(otherAdmin, 'PATCH', `/api/admin/users/${id}`, { version: 1, roles: ['leader'] }))
        .status,
    ).toBe(404);
    for (const action of ['disable', 'enable', 'reset-second-factor']) {
      expect((await call(otherAdmin, 'POST', `/api/admin/users/${id}/${action}`)).status).toBe(404);
    }
    const list = await call<{ items: AdminUser[] }>(otherAdmin, 'GET', '/api/admin/users');
    expect(list.body.items.every((u) => u.municipalityCode === '147')).toBe(true);
    const asked = await call<{ items: AdminUser[] }>(
      otherAdmin,
      'GET',
      '/api/admin/users?municipality=101',
    );
    expect(asked.body.items).toEqual([]);
    const system = await call<{ items: AdminUser[] }>(
      systemAdmin,
      'GET',
      '/api/admin/users?municipality=101&limit=200',
    );
    expect(system.body.items.map((u) => u.id)).toContain(id);
  });

  it('filters and pages the user list', async () => {
    const all: AdminUser[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: AdminUser[]; nextCursor: string | null } } =
        await call(
          adminSession,
          'GET',
          `/api/admin/users?limit=2${cursor ? `&after=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.map((u) => u.username)).toEqual([...all.map((u) => u.username)].sort());
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(all.map((u) => u.id)).toContain(created.id);
    const byRole = await call<{ items: AdminUser[] }>(
      adminSession,
      'GET',
      '/api/admin/users?role=data_protection',
    );
    expect(byRole.body.items.map((u) => u.id)).toEqual([dpoUser.id]);
    const byUnit = await call<{ items: AdminUser[] }>(
      adminSession,
      'GET',
      `/api/admin/users?unitId=${unit.id}&status=active&q=${encodeURIComponent('ny bruger')}`,
    );
    expect(byUnit.body.items.map((u) => u.id)).toEqual([created.id]);
    const unknown = await call(adminSession, 'GET', '/api/admin/users?sort=name');
    expect(unknown.status).toBe(400);
  });

  it('refuses a stale version with 409 and the current version, storing nothing', async () => {
    const ok = await call<AdminUser>(adminSession, 'PATCH', `/api/admin/users/${created.id}`, {
      version: 1,
      displayName: 'Omdøbt Bruger',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await call<ErrorBody>(adminSession, 'PATCH', `/api/admin/users/${created.id}`, {
      version: 1,
      roles: ['leader'],
      unitIds: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.meta).toEqual({ currentVersion: 2 });
    expect(stale.body.error.message).toMatch(/En anden har gemt/);
    const after = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${created.id}`);
    expect(after.body).toMatchObject({
      roles: ['caseworker'],
      units: [{ id: unit.id }],
      version: 2,
    });
    const unknown = await call(adminSession, 'PATCH', `/api/admin/users/${created.id}`, {
      version: 2,
      roles: ['leader'],
      password: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(
      (await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${created.id}`)).body.roles,
    ).toEqual(['caseworker']);
  });

  it('takes a role change into effect on the user’s next request, audited', async () => {
    const user = await createUser(t.database.db, { roles: ['caseworker'] });
    const session = await login(t.app, user);
    expect((await call(session, 'GET', '/api/admin/units')).status).toBe(403);
    const current = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${user.id}`);
    const changed = await call<AdminUser>(adminSession, 'PATCH', `/api/admin/users/${user.id}`, {
      version: current.body.version,
      roles: ['caseworker', 'municipal_admin'],
      unitIds: [unit.id],
    });
    expect(changed.status).toBe(200);
    expect((await call(session, 'GET', '/api/admin/units')).status).toBe(200);
    const rows = await auditRows(user.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'permission_change',
      details: { change: 'roles_units', rolesAdded: 'municipal_admin', unitsAdded: unit.id },
    });
  });

  it('disables a user: sessions end, the next request is 401 and login fails; enable restores', async () => {
    const user = await createUser(t.database.db, { roles: ['municipal_admin'] });
    const session = await login(t.app, user);
    expect((await call(session, 'GET', '/api/admin/users')).status).toBe(200);
    const disabled = await call<AdminUser>(
      adminSession,
      'POST',
      `/api/admin/users/${user.id}/disable`,
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
    expect((await call(session, 'GET', '/api/admin/users')).status).toBe(401);
    const attempt = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(attempt.statusCode).toBe(401);

    const enabled = await call<AdminUser>(
      adminSession,
      'POST',
      `/api/admin/users/${user.id}/enable`,
    );
    expect(enabled.body.status).toBe('active');
    await login(t.app, user, 1);
    const rows = await auditRows(user.id);
    expect(rows.map((r) => [r.action, (r.details as { change?: string }).change])).toEqual([
      ['permission_change', 'disable'],
      ['permission_change', 'enable'],
    ]);
  });

  it('resets the second factor: sessions end and the next login must enrol again', async () => {
    const user = await createUser(t.database.db, { roles: ['caseworker'] });
    const session = await login(t.app, user);
    await t.database.db
      .insertInto('recovery_codes')
      .values({ user_id: user.id, code_hash: 'x'.repeat(64) })
      .execute();
    const res = await call<AdminUser>(
      adminSession,
      'POST',
      `/api/admin/users/${user.id}/reset-second-factor`,
    );
    expect(res.status).toBe(200);
    expect(res.body.secondFactorEnrolled).toBe(false);
    expect((await call(session, 'GET', '/api/admin/units')).status).toBe(401);
    const codes = await t.database.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(codes).toEqual([]);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(next.statusCode).toBe(200);
    expect((next.json() as { next: string }).next).toBe('enrol_totp');
    const rows = await auditRows(user.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'permission_change',
      details: { change: 'reset_second_factor' },
    });
  });

  it('lets nobody disable themselves or remove their own administrator role (409)', async () => {
    const self = await call<ErrorBody>(
      adminSession,
      'POST',
      `/api/admin/users/${admin.id}/disable`,
    );
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('self_lockout');
    const current = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${admin.id}`);
    const demote = await call<ErrorBody>(adminSession, 'PATCH', `/api/admin/users/${admin.id}`, {
      version: current.body.version,
      roles: ['caseworker'],
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('self_lockout');
    const after = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${admin.id}`);
    expect(after.body).toMatchObject({ roles: ['municipal_admin'], status: 'active' });
  });
});

describe(`e-mail addresses and police staff (${testEngine})`, () => {
  it('stores, shows, changes and removes an e-mail address, audited without the address', async () => {
    const res = await call<AdminUser>(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ email: '  anne.post@kommune.example.dk ' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'anne.post@kommune.example.dk',
      policeDistrictId: null,
    });
    const list = await call<{ items: AdminUser[] }>(
      adminSession,
      'GET',
      `/api/admin/users?q=${res.body.username}`,
    );
    expect(list.body.items.map((u) => u.email)).toEqual(['anne.post@kommune.example.dk']);
    const changed = await call<AdminUser>(
      adminSession,
      'PATCH',
      `/api/admin/users/${res.body.id}`,
      {
        version: 1,
        email: 'ny.post@kommune.example.dk',
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'ny.post@kommune.example.dk', version: 2 });
    const removed = await call<AdminUser>(
      adminSession,
      'PATCH',
      `/api/admin/users/${res.body.id}`,
      {
        version: 2,
        email: null,
      },
    );
    expect(removed.body.email).toBeNull();
    const detail = await call<AdminUser>(adminSession, 'GET', `/api/admin/users/${res.body.id}`);
    expect(detail.body.email).toBeNull();
    const rows = await auditRows(res.body.id);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['create', { roles: 'caseworker', unitIds: unit.id }],
      ['update', { fields: 'email' }],
      ['update', { fields: 'email' }],
    ]);
    expect(JSON.stringify(rows)).not.toContain('post@');
  });

  it('rejects an invalid or too long e-mail address with 400 naming body.email', async () => {
    const before = await countRows('users');
    const invalid = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ email: 'ikke-en-adresse' }),
    );
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid.body)).toEqual(['body.email:invalid_format']);
    const long = await call(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ email: `${'a'.repeat(64)}@${'b'.repeat(190)}.dk` }),
    );
    expect(fieldsOf(long.body)).toEqual(['body.email:too_big_string']);
    expect(await countRows('users')).toBe(before);
  });

  it('lets a system administrator create a police user for a police district, audited', async () => {
    const res = await call<AdminUser>(
      systemAdmin,
      'POST',
      '/api/admin/users',
      newUserBody({ roles: ['police_contact'], unitIds: [], policeDistrictId: 11 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      municipalityCode: null,
      policeDistrictId: 11,
      roles: ['police_contact'],
      units: [],
    });
    const rows = await auditRows(res.body.id);
    expect(rows).toMatchObject([
      {
        action: 'create',
        actor_role: 'system_admin',
        municipality_code: null,
        details: { roles: 'police_contact', unitIds: '', policeDistrictId: 11 },
      },
    ]);
    // Police staff belong to no municipality: a municipal administrator does not see them.
    expect((await call(adminSession, 'GET', `/api/admin/users/${res.body.id}`)).status).toBe(404);
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: res.body.username, password: 'Lang-og-sjælden-adgangskode-42' },
    });
    expect(next.statusCode).toBe(200);
  });

  it('needs exactly one of municipality and police district, and a district that exists', async () => {
    const before = await countRows('users');
    const both = await call(
      systemAdmin,
      'POST',
      '/api/admin/users',
      newUserBody({ unitIds: [], municipalityCode: '101', policeDistrictId: 11 }),
    );
    expect(both.status).toBe(400);
    expect(fieldsOf(both.body)).toEqual([
      'body.municipalityCode:municipality_or_police_district',
      'body.policeDistrictId:municipality_or_police_district',
    ]);
    const neither = await call(
      systemAdmin,
      'POST',
      '/api/admin/users',
      newUserBody({ unitIds: [] }),
    );
    expect(fieldsOf(neither.body)).toEqual(['body.municipalityCode:required']);
    const unknown = await call(
      systemAdmin,
      'POST',
      '/api/admin/users',
      newUserBody({ unitIds: [], policeDistrictId: 4242 }),
    );
    expect(fieldsOf(unknown.body)).toEqual(['body.policeDistrictId:invalid_value']);
    const units = await call(
      systemAdmin,
      'POST',
      '/api/admin/users',
      newUserBody({ policeDistrictId: 11 }),
    );
    expect(fieldsOf(units.body)).toEqual(['body.unitIds:unit_not_in_municipality']);
    expect(await countRows('users')).toBe(before);
  });

  it('never lets a municipal administrator create police staff (403 naming the field)', async () => {
    const before = await countRows('users');
    const res = await call<ErrorBody>(
      adminSession,
      'POST',
      '/api/admin/users',
      newUserBody({ roles: ['police_contact'], unitIds: [], policeDistrictId: 11 }),
    );
    expect(res.status).toBe(403);
    expect(fieldsOf(res.body)).toEqual(['body.policeDistrictId:police_district_not_allowed']);
    const unknownField = await call(adminSession, 'PATCH', `/api/admin/users/${admin.id}`, {
      version: 1,
      policeDistrictId: 11,
    });
    expect(unknownField.status).toBe(400);
    expect(await countRows('users')).toBe(before);
  });
});

describe(`the audit viewer (${testEngine})`, () => {
  it('is open to the data-protection role and municipal administrators only', async () => {
    expect((await call(caseworker, 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await call(systemAdmin, 'GET', '/api/admin/audit')).status).toBe(403);
    expect((await call(dpo, 'GET', '/api/admin/users')).status).toBe(403);
  });

  it('shows only the own municipality, with actor names, filtered by action', async () => {
    const res = await call<{ items: AuditEntry[] }>(dpo, 'GET', '/api/admin/audit?action=create');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e) => e.action === 'create')).toBe(true);
    expect(res.body.items.some((e) => e.resourceId === otherUnit.id)).toBe(false);
    expect(res.body.items[0]?.actor).toMatchObject({ id: admin.id, username: admin.username });
    const other = await call<{ items: AuditEntry[] }>(otherAdmin, 'GET', '/api/admin/audit');
    expect(other.body.items.some((e) => e.resourceId === unit.id)).toBe(false);
    expect(other.body.items.some((e) => e.resourceId === otherUnit.id)).toBe(true);
  });

  it('pages newest first without gaps or repeats', async () => {
    const all: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: AuditEntry[]; nextCursor: string | null } } =
        await call(
          adminSession,
          'GET',
          `/api/admin/audit?resourceType=user&limit=3${cursor ? `&after=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('municipality_code', '=', '101')
      .where('resource_type', '=', 'user')
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(all.map((e) => e.id)).toEqual(expected.map((r) => r.id));
  });

  it('filters by date, actor, resource, break-glass and subject', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const q = `from=${today}&to=${today}&actorUserId=${admin.id}&resourceType=unit&resourceId=${unit.id}&breakGlass=false`;
    const res = await call<{ items: AuditEntry[] }>(dpo, 'GET', `/api/admin/audit?${q}`);
    expect(res.body.items.map((e) => e.action)).toEqual(['update', 'create']);
    const before = await call<{ items: AuditEntry[] }>(
      dpo,
      'GET',
      '/api/admin/audit?to=2020-01-01',
    );
    expect(before.body.items).toEqual([]);
    const subject = await call<{ items: AuditEntry[] }>(
      dpo,
      'GET',
      '/api/admin/audit?subjectPersonId=00000000-0000-4000-8000-000000000000',
    );
    expect(subject.body.items).toEqual([]);
    const bad = await call(dpo, 'GET', '/api/admin/audit?subjectPersonId=123&after=xyz');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['query.subjectPersonId:invalid_format']);
    const cursor = await call(dpo, 'GET', '/api/admin/audit?after=bm90LWEtY3Vyc29y');
    expect(fieldsOf(cursor.body)).toEqual(['query.after:invalid_cursor']);
  });

  it('records each reading of the trail with the filter names, not their values', async () => {
    await call(dpo, 'GET', `/api/admin/audit?action=create&resourceId=${unit.id}`);
    const row = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'actor_user_id', 'actor_role', 'details'])
      .where('resource_type', '=', 'audit_log')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'read',
      actor_user_id: dpoUser.id,
      actor_role: 'data_protection',
      details: { filters: 'action,resourceId', nextPage: false },
    });
    expect(JSON.stringify(row.details)).not.toContain(unit.id);
  });

  it('verifies the own municipality’s chain', async () => {
    const res = await call<{ ok: boolean; checked: number }>(dpo, 'GET', '/api/admin/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeGreaterThan(5);
  });
});
