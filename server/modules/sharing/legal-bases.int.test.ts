import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { DEFAULT_BASES } from './defaults.ts';

/**
 * The legal bases for sharing over HTTP (issue 13): seeded unconfirmed by migration 0034 for the
 * existing municipalities, offered by the pickers' route only where they fit, edited by the
 * municipal administrator with optimistic locking, a use a basis can never cover refused on the
 * field in Danish with nothing stored, and each save audited.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(
    users,
    await createUsers(t.database.db, {
      admin: 'municipal_admin',
      coordinator: 'coordinator',
      leader: 'leader',
    }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

interface Basis {
  key: string;
  uses: string[];
  organisationKinds: string[];
  confirmed: boolean;
  version: number;
  [field: string]: unknown;
}

async function bases(): Promise<Basis[]> {
  const res = await callerIn(as, 'admin').get('/api/legal-bases');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Basis[] }).items;
}
const basis = async (key: string) => (await bases()).find((b) => b.key === key)!;
const body = (b: Basis, change: Record<string, unknown> = {}) => {
  const { key: _key, ...rest } = b;
  return { ...rest, ...change };
};
async function fitting(query: string, who = 'coordinator'): Promise<string[]> {
  const res = await callerIn(as, who).get(`/api/sharing/legal-bases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Basis[] }).items.map((b) => b.key);
}

describe(`legal bases for sharing (${testEngine})`, () => {
  it('are seeded by the migration, unconfirmed, as the product describes the law', async () => {
    const items = await bases();
    expect(items.map((b) => b.key)).toEqual(Object.keys(DEFAULT_BASES));
    // Seeded rows (version 1), not the fallback for a municipality without rows (version 0).
    expect(items.every((b) => b.version === 1 && !b.confirmed)).toBe(true);
    const seeded = items.find((b) => b.key === 'value_leap')!;
    expect(seeded).toMatchObject({
      nameDa: DEFAULT_BASES.value_leap.name_da,
      allowsEn: DEFAULT_BASES.value_leap.allows_en,
      uses: ['single_disclosure'],
    });
  });

  it('offers § 115 to the police for standing access but not to a school (ASVS 8.2.1)', async () => {
    expect(await fitting('organisationKind=police&use=standing_access')).toEqual([
      'rpl_115_ssp',
      'rpl_115_psp',
      'rpl_115_ksp',
      'consent',
    ]);
    expect(await fitting('organisationKind=school&use=standing_access')).toEqual(['consent']);
    expect(await fitting('organisationKind=school&use=single_disclosure')).toEqual([
      'value_leap',
      'consent',
    ]);
  });

  it('never offers the value-leap rule for standing access, nor § 12 b for sharing', async () => {
    const standing = await fitting('organisationKind=jobcenter&use=standing_access');
    expect(standing).not.toContain('value_leap');
    const sharing = await fitting('organisationKind=municipal_unit&use=single_disclosure');
    expect(sharing).not.toContain('sel_12b');
    expect(sharing).not.toContain('rpl_115a');
    expect(await fitting('organisationKind=municipal_unit&use=counselling')).toEqual(['sel_12b']);
    expect(await fitting('organisationKind=police&use=single_disclosure&on=2010-01-01')).toEqual(
      [],
    );
  });

  it('refuses a picker query without kind or use, and a caller without the policy', async () => {
    const bad = await callerIn(as, 'coordinator').get(
      '/api/sharing/legal-bases?use=standing_access',
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('query.organisationKind:choose');
    const denied = await callerIn(as, 'leader').get(
      '/api/sharing/legal-bases?organisationKind=police&use=standing_access',
    );
    expect(denied.statusCode).toBe(403);
  });

  it('saves a confirmed basis and audits it; a stale version is 409 and changes nothing', async () => {
    const before = await basis('rpl_115_psp');
    const res = await callerIn(as, 'admin').put(
      '/api/legal-bases/rpl_115_psp',
      body(before, { confirmed: true, section: '§ 115, stk. 3' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const saved = await basis('rpl_115_psp');
    expect(saved).toMatchObject({ confirmed: true, section: '§ 115, stk. 3', version: 2 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['resource_id', 'action'])
      .where('resource_type', '=', 'legal_basis')
      .execute();
    expect(audit).toEqual([{ resource_id: 'rpl_115_psp', action: 'update' }]);

    const stale = await callerIn(as, 'admin').put(
      '/api/legal-bases/rpl_115_psp',
      body(before, { section: '§ 999' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(await basis('rpl_115_psp')).toEqual(saved);
  });

  it('an edit that adds a kind of organisation is what the pickers then offer', async () => {
    const before = await basis('rpl_115_ssp');
    const res = await callerIn(as, 'admin').put(
      '/api/legal-bases/rpl_115_ssp',
      body(before, { organisationKinds: [...before.organisationKinds, 'school'] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await fitting('organisationKind=school&use=standing_access')).toEqual([
      'rpl_115_ssp',
      'consent',
    ]);
  });

  it('refuses standing access for the value-leap rule in Danish on the field, storing nothing', async () => {
    const before = await basis('value_leap');
    const res = await callerIn(as, 'admin').put(
      '/api/legal-bases/value_leap',
      body(before, { uses: ['single_disclosure', 'standing_access'], validTo: '2017-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'body.validTo:valid_to_before_from',
      'body.uses:basis_use_not_permitted',
    ]);
    const message = (res.json() as ErrorBody).error.fields?.find(
      (f) => f.field === 'body.uses',
    )?.message;
    expect(message).toContain('værdispringsreglen dækker kun én konkret videregivelse');
    const counselling = await callerIn(as, 'admin').put(
      '/api/legal-bases/consent',
      body(await basis('consent'), { uses: ['counselling'] }),
    );
    expect(fieldsOf(counselling)).toEqual(['body.uses:basis_use_not_permitted']);
    const denied = await callerIn(as, 'coordinator').put(
      '/api/legal-bases/value_leap',
      body(before, { confirmed: true }),
    );
    expect(denied.statusCode).toBe(403);
    expect(await basis('value_leap')).toEqual(before);
  });
});
