import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, expectOneAudit, client, type ErrorBody } from '../../test/records.ts';
import { createPersonRegister, type PersonRegister } from '../../test/person-register.ts';
import { createUser, login } from '../../test/users.ts';

/**
 * The person register: possible duplicates while registering (same CPR number, or birth date
 * and a similar name; never a bare name; one municipality; audited as searches), the audited
 * unmasking of the CPR number, relations shown only where need-to-know allows, and changes with
 * optimistic locking.
 */
interface Hit {
  id: string;
  name: string;
  birthDate: string | null;
  matchedOn: string;
}

const CPR = '150310-4321';
const DIGITS = '1503104321';

let t: TestApp;
let users: PersonRegister['users'];
let caller: PersonRegister['caller'];
let persons: PersonRegister['persons'];

beforeAll(async () => {
  t = await startTestApp();
  ({ users, caller, persons } = await createPersonRegister(t.app, t.database.db, CPR));
});
afterAll(() => t.close());

async function duplicates(name: string, body: Record<string, unknown>) {
  const res = await caller(name).post('/api/persons/possible-duplicates', body);
  expect(res.statusCode, res.body).toBe(200);
  return { res, items: (res.json() as { items: Hit[] }).items };
}

describe(`possible duplicates (${testEngine})`, () => {
  it('finds the same CPR number (with or without the dash), and answers nothing else', async () => {
    for (const cpr of [CPR, DIGITS]) {
      const { res, items } = await duplicates('coordinator', { cpr });
      expect(items).toEqual([
        { id: persons.aase.id, name: 'Åse Kjærgård', birthDate: '2010-03-15', matchedOn: 'cpr' },
      ]);
      expect(res.body).not.toContain('Nørregade');
      expect(res.body).not.toContain('4321');
      // ASVS 8.2.2: the hotline, who may see nobody, learns nothing from a CPR number.
      expect((await duplicates('hotline', { cpr })).items).toEqual([]);
    }
  });

  it('finds a similar name with the same birth date (aa for å, accents, typing errors, prefixes)', async () => {
    const cases: Record<string, unknown>[] = [
      { givenName: 'Aase', familyName: 'Kjærgaard', birthDate: '2010-03-15' },
      { givenName: 'ÅSE', familyName: 'Kjergård', birthDate: '2010-03-15' },
      { familyName: 'Kjær', birthDate: '2010-03-15' },
      { givenName: 'Ås', birthDate: '2010-03-15' },
    ];
    for (const body of cases) {
      const { items } = await duplicates('coordinator', body);
      expect(items.map((i) => i.id).sort(), JSON.stringify(body)).toEqual(
        [persons.aase.id, persons.noCpr.id].sort(),
      );
      expect(new Set(items.map((i) => i.matchedOn))).toEqual(new Set(['name_and_birth_date']));
    }
    const { items } = await duplicates('coordinator', {
      givenName: 'Mohammed',
      familyName: 'Ali',
      birthDate: '2010-03-15',
    });
    expect(items).toEqual([]);
  });

  it('lists a CPR match once, before the name matches', async () => {
    const { items } = await duplicates('coordinator', {
      givenName: 'Åse',
      familyName: 'Kjærgård',
      cpr: CPR,
    });
    expect(items.map((i) => [i.id, i.matchedOn])).toEqual([
      [persons.aase.id, 'cpr'],
      [persons.noCpr.id, 'name_and_birth_date'],
    ]);
  });

  it('answers nothing for a bare name, one letter, or an invalid CPR number, and audits nothing', async () => {
    for (const body of [
      { givenName: 'Åse', familyName: 'Kjærgård' },
      { givenName: 'Å', birthDate: '2010-03-15' },
      { cpr: '150310-432' },
      { cpr: '310210-4321' },
      {},
    ]) {
      const { res, items } = await duplicates('coordinator', body);
      expect(items, JSON.stringify(body)).toEqual([]);
      expect(await auditRowsOf(t.database.db, res)).toEqual([]);
    }
  });

  it('stays within the caller’s municipality; a user without one gets nothing', async () => {
    const { items } = await duplicates('coordinator147', { cpr: CPR });
    expect(items.map((i) => i.id)).toEqual([persons.other147.id]);
    expect((await duplicates('police', { cpr: CPR })).items).toEqual([]);
  });

  it('writes a search entry per hit, in the municipality’s chain', async () => {
    const { res, items } = await duplicates('hotline', {
      givenName: 'Åse',
      familyName: 'Kjærgård',
      cpr: CPR,
    });
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows.map((r) => r.subject_person_id)).toEqual(items.map((i) => i.id));
    for (const row of rows) {
      expect(row).toMatchObject({
        action: 'search',
        resource_type: 'person',
        purpose: 'inquiry_intake',
        municipality_code: '101',
        actor_user_id: users.hotline?.id,
      });
      expect(JSON.stringify(row.details)).not.toContain('4321');
    }
  });

  it('refuses unknown fields and callers without the intake policy; the CPR number is not logged', async () => {
    const res = await caller('hotline').post('/api/persons/possible-duplicates', {
      cpr: CPR,
      address: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['body.address']);
    const admin = await createUser(t.database.db, {
      roles: ['system_admin'],
      municipalityCode: null,
    });
    const denied = await client(t.app, await login(t.app, admin)).post(
      '/api/persons/possible-duplicates',
      { cpr: CPR },
    );
    expect(denied.statusCode).toBe(403);
    const logs = JSON.stringify(t.logs);
    expect(logs).not.toContain(DIGITS);
    expect(logs).not.toContain(CPR);
  });
});

describe(`the CPR number (${testEngine})`, () => {
  it('is masked on the person page', async () => {
    const res = await caller('caseworker').get(`/api/persons/${persons.aase.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cprMasked: '150310-XXXX' });
    expect(res.body).not.toContain('4321');
  });

  it('is shown in full to those who may see the person, audited without the number', async () => {
    const res = await caller('caseworker').post(`/api/persons/${persons.aase.id}/cpr`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cpr: CPR });
    expect(res.headers['cache-control']).toContain('no-store');
    const entry = await expectOneAudit(t.database.db, res, {
      action: 'read',
      resource_type: 'person',
      resource_id: persons.aase.id,
      subject_person_id: persons.aase.id,
      purpose: 'case_work',
      actor_user_id: users.caseworker?.id,
    });
    expect(entry.details).toEqual({ field: 'cpr' });
  });

  it('is 404 for everyone else, as for a missing person; 403 without the records policy', async () => {
    for (const name of ['outsider', 'coordinator147']) {
      const res = await caller(name).post(`/api/persons/${persons.aase.id}/cpr`, {});
      expect(res.statusCode, name).toBe(404);
      expect(await auditRowsOf(t.database.db, res)).toEqual([]);
    }
    expect(
      (await caller('hotline').post(`/api/persons/${persons.aase.id}/cpr`, {})).statusCode,
    ).toBe(403);
  });

  it('is null for a person without one, and nothing is audited', async () => {
    const res = await caller('coordinator').post(`/api/persons/${persons.noCpr.id}/cpr`, {});
    expect(res.json()).toEqual({ cpr: null });
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
  });
});
