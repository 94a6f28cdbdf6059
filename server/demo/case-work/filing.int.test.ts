import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/** The demo's journalisation: filing settings and one filed case summary in the closed case, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('files the closed demo case’s summary once, with the demo’s KLE number and record system', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const settings = await db
    .selectFrom('municipality_settings')
    .select(['filing_kle_code', 'record_system_name', 'filing_include_cpr'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .executeTakeFirstOrThrow();
  expect(settings).toEqual({
    filing_kle_code: '27.24.00',
    record_system_name: 'ESDH',
    filing_include_cpr: false,
  });
  const filings = await db
    .selectFrom('case_filings as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .select(['c.status', 'f.document_kind', 'f.journal_number'])
    .where('f.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(filings).toEqual([
    { status: 'closed', document_kind: 'case-summary', journal_number: '27.24.00-A53-1-26' },
  ]);
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('kind', '=', 'document_filed')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(events).toHaveLength(1);
  const corrected = await db
    .selectFrom('case_events')
    .select('changes')
    .where('kind', '=', 'filing_corrected')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(corrected).toHaveLength(1);
});
