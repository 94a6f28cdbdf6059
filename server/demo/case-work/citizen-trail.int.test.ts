import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { cprDigest } from '../../modules/persons/service.ts';
import { seedDemo } from '../seed.ts';
import { DEMO_DISCLOSURE_ID } from './disclosures.ts';

/** The demo citizen of the disclosures is also read by three demo users, once (valid chain). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('adds four reads of the demo citizen of the disclosures, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const subject = await db
    .selectFrom('disclosure_persons')
    .select('person_id')
    .where('disclosure_id', '=', DEMO_DISCLOSURE_ID)
    .executeTakeFirstOrThrow();
  const reads = await db
    .selectFrom('audit_log')
    .select(['actor_role', 'action'])
    .where('subject_person_id', '=', subject.person_id)
    .where('request_id', '=', 'demo-demo_citizen_reads_seeded_at')
    .execute();
  expect(reads).toHaveLength(4);
  expect(new Set(reads.map((r) => r.actor_role))).toEqual(
    new Set(['coordinator', 'caseworker', 'police_contact']),
  );
  const person = await db
    .selectFrom('persons')
    .select(['given_name', 'cpr_digest'])
    .where('id', '=', subject.person_id)
    .executeTakeFirstOrThrow();
  // The README names him: look him up by his fictional CPR number 020510-0000.
  expect(person.given_name).toMatch(/^Ahmad/);
  expect(person.cpr_digest).toBe(cprDigest(testKeys.secret, '0205100000'));
});
