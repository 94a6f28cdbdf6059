import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { type Client, fieldsOf } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { seedDemoPartners } from '../../demo/partners.ts';

/**
 * Partner organisations over HTTP (issue 13): the municipal administrator creates (idempotent on
 * the client id), searches, edits with the version read and deactivates them; a data processor
 * without its processor agreement is refused on the fields with nothing stored; another
 * municipality's administrator gets 404 and changes nothing; every write is audited.
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
      otherAdmin: ['municipal_admin', '147'],
    }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

interface Partner {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  version: number;
  [field: string]: unknown;
}

const fields = (change: Record<string, unknown> = {}) => ({
  name: 'Psykiatrisk Center Nordvest',
  kind: 'psychiatry',
  cvr: '12345678',
  ean: '',
  contactEmail: 'psp@example.org',
  dataProcessor: false,
  processorAgreementRef: null,
  processorAgreementDate: null,
  ...change,
});
const create = (change: Record<string, unknown> = {}, id: string = randomUUID()) =>
  callerIn(as, 'admin').post('/api/partner-organisations', { id, ...fields(change) });
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('partner_organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`partner organisations (${testEngine})`, () => {
  it('creates once for a repeated create, lists with filter and search, audits the create', async () => {
    const id = randomUUID();
    const first = await create({}, id);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id, ean: null, active: true, version: 1 });
    const again = await create({}, id);
    expect(again.statusCode).toBe(200);
    expect(await count()).toBe(1);
    await create({ name: 'Kriminalforsorgen Region Hovedstaden', kind: 'prison_probation' });

    const list = async (query: string, who = 'coordinator') =>
      (
        (await callerIn(as, who).get(`/api/partner-organisations?${query}`)).json() as {
          items: Partner[];
        }
      ).items.map((p) => p.name);
    expect(await list('')).toEqual([
      'Kriminalforsorgen Region Hovedstaden',
      'Psykiatrisk Center Nordvest',
    ]);
    expect(await list('kind=psychiatry')).toEqual(['Psykiatrisk Center Nordvest']);
    expect(await list('q=hovedSTADEN')).toEqual(['Kriminalforsorgen Region Hovedstaden']);
    expect(await list('q=%25')).toEqual([]);
    expect(await list('', 'otherAdmin')).toEqual([]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_type', '=', 'partner_organisation')
      .where('resource_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('requires the processor agreement of a data processor, in Danish on the fields, storing nothing', async () => {
    const before = await count();
    const res = await create({
      name: 'Mentorhuset ApS',
      kind: 'private_provider',
      dataProcessor: true,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'body.processorAgreementRef:processor_agreement_required',
      'body.processorAgreementDate:processor_agreement_required',
    ]);
    expect(res.body).toContain('databehandleraftalen');
    const badCvr = await create({ name: 'Klub Nord', kind: 'club', cvr: '1234' });
    expect(fieldsOf(badCvr)).toEqual(['body.cvr:invalid_format']);
    const ok = await create({
      name: 'Mentorhuset ApS',
      kind: 'private_provider',
      dataProcessor: true,
      processorAgreementRef: 'DBA-2026-014',
      processorAgreementDate: '2026-03-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('edits with the version read: a stale version is 409, a taken name is refused', async () => {
    const created = (
      await create({ name: 'Boligsocial Indsats Øst', kind: 'housing_social_work' })
    ).json() as Partner;
    const url = `/api/partner-organisations/${created.id}`;
    const saved = await callerIn(as, 'admin').put(
      url,
      fields({ name: 'Boligsocial Indsats Øst og Syd', kind: 'housing_social_work', version: 1 }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, name: 'Boligsocial Indsats Øst og Syd' });
    const stale = await callerIn(as, 'admin').put(url, fields({ name: 'Noget andet', version: 1 }));
    expect(stale.statusCode).toBe(409);
    const taken = await callerIn(as, 'admin').put(
      url,
      fields({ name: 'psykiatrisk center nordvest', version: 2 }),
    );
    expect(taken.statusCode).toBe(409);
    expect(fieldsOf(taken)).toEqual(['body.name:partner_name_taken']);
    expect(((await callerIn(as, 'admin').get(url)).json() as Partner).name).toBe(
      'Boligsocial Indsats Øst og Syd',
    );
  });

  it('deactivates and activates again; another municipality and a coordinator cannot (ASVS 8.2.2)', async () => {
    const created = (await create({ name: 'Ungdomsklubben Vest', kind: 'club' })).json() as Partner;
    const url = `/api/partner-organisations/${created.id}`;
    const outsider = await callerIn(as, 'otherAdmin').post(`${url}/deactivate`, { version: 1 });
    expect(outsider.statusCode).toBe(404);
    expect((await callerIn(as, 'otherAdmin').get(url)).statusCode).toBe(404);
    const coordinator = await callerIn(as, 'coordinator').post(`${url}/deactivate`, { version: 1 });
    expect(coordinator.statusCode).toBe(403);

    const off = await callerIn(as, 'admin').post(`${url}/deactivate`, { version: 1 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const listed = (
      await callerIn(as, 'admin').get('/api/partner-organisations?status=inactive')
    ).json() as { items: Partner[] };
    expect(listed.items.map((p) => p.name)).toEqual(['Ungdomsklubben Vest']);
    const on = await callerIn(as, 'admin').post(`${url}/activate`, { version: 2 });
    expect(on.json()).toMatchObject({ active: true, version: 3 });
  });

  it('the demo partners are seeded once, the private provider with its processor agreement', async () => {
    await seedDemoPartners(t.database.db, '147');
    await seedDemoPartners(t.database.db, '147');
    const res = await callerIn(as, 'otherAdmin').get('/api/partner-organisations');
    const items = (res.json() as { items: Partner[] }).items;
    expect(items).toHaveLength(5);
    expect(items.find((p) => p.kind === 'private_provider')).toMatchObject({
      dataProcessor: true,
      processorAgreementRef: 'DBA-DEMO-2026-01',
    });
  });
});
