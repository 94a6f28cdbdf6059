import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { AdminUnit, AdminUser, AuditEntry } from './schema.ts';
import {
  t,
  admin,
  adminSession,
  otherAdmin,
  systemAdmin,
  dpo,
  dpoUser,
  caseworker,
  unit,
  otherUnit,
  type ErrorBody,
  call,
  itemsOf,
  fieldsOf,
  countRows,
  auditRows,
  newUserBody,
  setUnit,
  useAdminFixtures,
} from './admin.fixtures.ts';

/**
 * Units, e-mail addresses and police staff through the real app, and the audit viewer reading
 * the trail these writes leave: scope by municipality, filters, paging, the reading itself
 * audited, and the municipality's hash chain verified.
 */
useAdminFixtures();

// The audit viewer pages through the municipality's user entries: a few users made here, so that
// it takes several pages (the user-administration tests live in admin-users.int.test.ts).
beforeAll(async () => {
  for (let i = 0; i < 4; i += 1) {
    const res = await call(adminSession, 'POST', '/api/admin/users', newUserBody());
    expect(res.status).toBe(201);
  }
});

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
    setUnit(renamed.body);
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
    const list = await itemsOf<AdminUser>(adminSession, `/api/admin/users?q=${res.body.username}`);
    expect(list.map((u) => u.email)).toEqual(['anne.post@kommune.example.dk']);
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
    expect(fieldsOf(invalid.body)).toEqual(['body.email:invalid_email']);
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
    const other = await itemsOf<AuditEntry>(otherAdmin, '/api/admin/audit');
    expect(other.some((e) => e.resourceId === unit.id)).toBe(false);
    expect(other.some((e) => e.resourceId === otherUnit.id)).toBe(true);
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
    const res = await itemsOf<AuditEntry>(dpo, `/api/admin/audit?${q}`);
    expect(res.map((e) => e.action)).toEqual(['update', 'create']);
    const before = await itemsOf<AuditEntry>(dpo, '/api/admin/audit?to=2020-01-01');
    expect(before).toEqual([]);
    const subject = await itemsOf<AuditEntry>(
      dpo,
      '/api/admin/audit?subjectPersonId=00000000-0000-4000-8000-000000000000',
    );
    expect(subject).toEqual([]);
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
