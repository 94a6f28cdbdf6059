import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { findCoveringConsent } from '../../modules/case-interventions/consent-cover.ts';
import { danishToday } from '../../modules/cases/chronology.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';
import { DEMO_TRANSFER_CONSENT_ID } from '../transfer-consent.ts';

/** The demo's consents: a written, signed one with a jobcenter and a withdrawn one, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('records a signed consent with the demo jobcenter and a withdrawn one, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const consents = await db
    .selectFrom('case_consents')
    .select(['id', 'case_id', 'method', 'signed_on', 'scan_media_type', 'withdrawn_on'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    // The consent a demo transfer relies on is the transfers' (transfers.int.test.ts).
    .where('id', '!=', DEMO_TRANSFER_CONSENT_ID)
    .orderBy('method', 'desc')
    .execute();
  expect(consents).toHaveLength(2);
  const [written, oral] = consents;
  expect(written).toMatchObject({ method: 'written', scan_media_type: 'application/pdf' });
  expect(written?.signed_on).not.toBeNull();
  expect(oral?.withdrawn_on).not.toBeNull();
  const covering = await findCoveringConsent(db, {
    municipalityCode: DEMO_MUNICIPALITY_CODE,
    caseId: written?.case_id ?? '',
    organisationKind: 'jobcenter',
    organisationId: '5e1f0a00-0000-4000-8000-0000000000c1',
    categories: ['plan'],
    use: 'standing_access',
    on: danishToday(new Date()),
  });
  expect(covering?.id).toBe(written?.id);
});
