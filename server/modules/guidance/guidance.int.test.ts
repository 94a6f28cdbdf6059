import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, client, fieldsOf, type Client } from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';

/**
 * The municipality's own guidance texts (issue 15 part 6): an administrator replaces a text and
 * resets it to the default, with optimistic locking and an audit entry each; everyone of the
 * municipality reads them, another municipality does not; no CPR number in a text.
 */
let t: TestApp;
let admin: Client;
let coordinator: Client;
let otherCoordinator: Client;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  admin = client(t.app, await login(t.app, await createUser(db, { roles: ['municipal_admin'] })));
  coordinator = client(t.app, await login(t.app, await createUser(db, { roles: ['coordinator'] })));
  otherCoordinator = client(
    t.app,
    await login(t.app, await createUser(db, { roles: ['coordinator'], municipalityCode: '147' })),
  );
});
afterAll(() => t.close());

const TEXT = 'Vores egen vejledning: tal med tovholderen, før kortet tegnes.';

describe(`guidance texts of a municipality (${testEngine})`, () => {
  it('replaces a text (version 0 first), audited; the municipality reads it, another does not', async () => {
    const res = await admin.put('/api/admin/guidance/networkMap', {
      textDa: TEXT,
      textEn: null,
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [{ key: 'networkMap', textDa: TEXT, version: 1 }] });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => [r.action, r.resource_type, r.resource_id])).toEqual([
      ['update', 'guidance', 'networkMap'],
    ]);
    const read = await coordinator.get('/api/guidance');
    expect(read.json()).toMatchObject({ items: [{ key: 'networkMap', textDa: TEXT }] });
    expect((await otherCoordinator.get('/api/guidance')).json()).toEqual({ items: [] });
  });

  it('answers a stale version with 409, refuses a CPR number, and only lets the administrator write', async () => {
    const stale = await admin.put('/api/admin/guidance/networkMap', {
      textDa: 'Ny',
      textEn: null,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    const cpr = await admin.put('/api/admin/guidance/definitions', {
      textDa: 'Eksempel: 010203-1234',
      textEn: null,
      version: 0,
    });
    expect(cpr.statusCode).toBe(400);
    expect(fieldsOf(cpr)).toEqual(['body.textDa:guidance_personal_reference']);
    const denied = await coordinator.put('/api/admin/guidance/definitions', {
      textDa: 'Ny',
      textEn: null,
      version: 0,
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await admin.put('/api/admin/guidance/nope', {
      textDa: 'Ny',
      textEn: null,
      version: 0,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('resets to the default: the replacement is gone, the reset audited', async () => {
    const res = await admin.post('/api/admin/guidance/networkMap/reset', { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.action)).toEqual(['delete']);
    const again = await admin.post('/api/admin/guidance/networkMap/reset', { version: 1 });
    expect(again.statusCode).toBe(404);
  });
});
