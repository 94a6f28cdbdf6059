import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callAs, type Method } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';
import type { AdminUnit } from './schema.ts';

/**
 * What the administration tests share (admin-users and admin-units-audit): the app on a fresh
 * database, administrators of two municipalities, a system administrator, a data-protection
 * reader, a caseworker and one unit in each municipality, and helpers for calls and audit rows.
 * Each test file sets all of it up anew, so the files run alone, in any order or in parallel.
 */
export let t: TestApp;
export let admin: TestUser;
export let adminSession: LoggedIn;
export let otherAdmin: LoggedIn;
export let systemAdmin: LoggedIn;
export let dpo: LoggedIn;
export let dpoUser: TestUser;
export let caseworker: LoggedIn;
export let unit: AdminUnit;
export let otherUnit: AdminUnit;

export { fieldsIn as fieldsOf, type ErrorBody, type Method } from '../../test/records.ts';

/** One request as a logged-in session: its status and JSON body. */
export const call = <T = unknown>(who: LoggedIn, method: Method, url: string, payload?: unknown) =>
  callAs<T>(t.app, who, method, url, payload);

/** The items of a list answer. */
export async function itemsOf<T>(who: LoggedIn, url: string): Promise<T[]> {
  return (await call<{ items: T[] }>(who, 'GET', url)).body.items;
}

export async function countRows(table: 'users' | 'user_units' | 'units'): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db);
  return r.rows[0]?.n ?? 0;
}

export async function auditRows(resourceId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'resource_type', 'actor_role', 'municipality_code', 'details'])
    .where('resource_id', '=', resourceId)
    .orderBy('id')
    .execute();
}

let counter = 0;
export function newUserBody(overrides: Record<string, unknown> = {}) {
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

/** The renamed unit (an imported binding cannot be assigned in the test file). */
export function setUnit(renamed: AdminUnit) {
  unit = renamed;
}

/** The app, users and units these tests share: set up once per test file. */
export function useAdminFixtures() {
  beforeAll(async () => {
    counter = 0;
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
}
