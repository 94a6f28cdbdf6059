import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';

/**
 * The legal provisions of reports about children, as the municipality's administrator edits
 * them (issue 12): seeded per municipality, saved with optimistic locking (a stale version is 409
 * and nothing changes), bad input refused on the field with nothing stored, each save audited.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(
    users,
    await createUsers(t.database.db, { admin: 'municipal_admin', coordinator: 'coordinator' }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

interface Provision {
  key: string;
  section: string;
  validFrom: string;
  confirmed: boolean;
  version: number;
  [field: string]: unknown;
}

async function provisions(): Promise<Provision[]> {
  const res = await callerIn(as, 'admin').get('/api/legal-provisions');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Provision[] }).items;
}

const help = async () => (await provisions()).find((p) => p.key === 'immediate_help')!;
const body = (p: Provision, change: Record<string, unknown> = {}) => {
  const { key: _key, ...rest } = p;
  return { ...rest, ...change };
};

describe(`legal provisions (${testEngine})`, () => {
  it('lists the seeded provisions, unconfirmed, from Barnets lov in force 2024', async () => {
    const items = await provisions();
    expect(items.map((p) => p.key)).toEqual([
      'professional_report',
      'citizen_report',
      'acknowledgement',
      'immediate_help',
    ]);
    expect(items.every((p) => !p.confirmed && p.validFrom === '2024-01-01')).toBe(true);
    expect((await callerIn(as, 'coordinator').get('/api/legal-provisions')).statusCode).toBe(200);
  });

  it('saves a confirmed provision and audits it; a stale version is 409 and changes nothing', async () => {
    const before = await help();
    const res = await callerIn(as, 'admin').put(
      '/api/legal-provisions/immediate_help',
      body(before, { confirmed: true }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const saved = await help();
    expect(saved).toMatchObject({ confirmed: true, version: before.version + 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('resource_type')
      .where('resource_type', '=', 'legal_provision')
      .execute();
    expect(audit).toHaveLength(1);

    const stale = await callerIn(as, 'admin').put(
      '/api/legal-provisions/immediate_help',
      body(before, { section: '§ 999' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(await help()).toEqual(saved);
  });

  it('refuses a validity ending before it begins, and a coordinator, storing nothing', async () => {
    const before = await help();
    const res = await callerIn(as, 'admin').put(
      '/api/legal-provisions/immediate_help',
      body(before, { validTo: '2023-12-31' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.validTo:valid_to_before_from']);
    const denied = await callerIn(as, 'coordinator').put(
      '/api/legal-provisions/immediate_help',
      body(before, { confirmed: false }),
    );
    expect(denied.statusCode).toBe(403);
    expect(await help()).toEqual(before);
  });

  it('saves every field of a provision and reads each back (English name, law, valid to, deadline)', async () => {
    const before = (await provisions()).find((p) => p.key === 'acknowledgement')!;
    const change = {
      nameDa: 'Kvittering for modtaget underretning',
      nameEn: 'Acknowledgement of a received report',
      law: 'Barnets lov (LBK nr. 83 af 2024)',
      section: '§ 134, stk. 1',
      validFrom: '2024-02-01',
      validTo: '2030-01-01',
      deadlineHours: 72,
      deadlineWorkdays: null,
      confirmed: true,
    };
    const res = await callerIn(as, 'admin').put(
      '/api/legal-provisions/acknowledgement',
      body(before, change),
    );
    expect(res.statusCode, res.body).toBe(200);
    const saved = (await provisions()).find((p) => p.key === 'acknowledgement');
    expect(saved).toEqual({ ...change, key: 'acknowledgement', version: before.version + 1 });
  });

  it('refuses a deadline in both hours and weekdays with a Danish message on the field, storing nothing', async () => {
    const before = await help();
    const res = await callerIn(as, 'admin').put(
      '/api/legal-provisions/immediate_help',
      body(before, { deadlineHours: 24, deadlineWorkdays: 2 }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.deadlineWorkdays:deadline_one_of']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message;
    expect(message).toBe('Angiv fristen enten i timer eller i hverdage – ikke begge.');
    expect(await help()).toEqual(before);
  });
});
