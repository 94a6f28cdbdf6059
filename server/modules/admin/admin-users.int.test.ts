import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { TEST_PASSWORD, createUser, login } from '../../test/users.ts';
import type { AdminUser } from './schema.ts';
import {
  t,
  admin,
  adminSession,
  otherAdmin,
  systemAdmin,
  dpoUser,
  unit,
  otherUnit,
  type ErrorBody,
  call,
  itemsOf,
  fieldsOf,
  countRows,
  auditRows,
  newUserBody,
  useAdminFixtures,
} from './admin.fixtures.ts';

/**
 * User administration through the real app: the role rules (a municipal administrator never
 * grants system_admin), scope by municipality (another municipality's users answer 404),
 * filtering and paging, optimistic locking, role changes taking effect at once, sessions ending
 * on disable and second-factor reset, and no self-lockout; each write audited.
 */
useAdminFixtures();

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
    const list = await itemsOf<AdminUser>(otherAdmin, '/api/admin/users');
    expect(list.every((u) => u.municipalityCode === '147')).toBe(true);
    const asked = await itemsOf<AdminUser>(otherAdmin, '/api/admin/users?municipality=101');
    expect(asked).toEqual([]);
    const system = await itemsOf<AdminUser>(
      systemAdmin,
      '/api/admin/users?municipality=101&limit=200',
    );
    expect(system.map((u) => u.id)).toContain(id);
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
    const byRole = await itemsOf<AdminUser>(adminSession, '/api/admin/users?role=data_protection');
    expect(byRole.map((u) => u.id)).toEqual([dpoUser.id]);
    const byUnit = await itemsOf<AdminUser>(
      adminSession,
      `/api/admin/users?unitId=${unit.id}&status=active&q=${encodeURIComponent('ny bruger')}`,
    );
    expect(byUnit.map((u) => u.id)).toEqual([created.id]);
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
