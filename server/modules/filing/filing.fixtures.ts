import { beforeAll, expect } from 'vitest';
import { logInAll } from '../../test/case-team.ts';
import { createUser } from '../../test/users.ts';
import { as, t, useClosureFixtures } from '../closure/closure.fixtures.ts';
import type { FilingExport } from './schema.ts';

/**
 * Journalisation's tests stand on the closure tests' case (an approved plan, a citizen and a
 * younger sister, coordinators, forum, caseworker, mentor, a non-member) and add the
 * municipality's administrator, who sets the filing settings.
 */
export function useFilingFixtures() {
  useClosureFixtures();
  beforeAll(async () => {
    const admin = await createUser(t.database.db, { roles: ['municipal_admin'] });
    await logInAll(t, { admin }, as);
  });
}

/** The filing settings of municipality 101, through the settings API (version as stored). */
export async function setFiling(change: Record<string, unknown>) {
  const admin = as.admin;
  if (!admin) throw new Error('no admin');
  const current = (await admin.get('/api/municipality-settings')).json() as { version: number };
  const res = await admin.patch('/api/municipality-settings', {
    version: current.version,
    ...change,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The rows that recording a filing writes, to check that a refused one wrote none. */
export async function filingTrace(caseId: string) {
  const db = t.database.db;
  const filings = await db
    .selectFrom('case_filings')
    .select(['id', 'journal_number'])
    .where('case_id', '=', caseId)
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'document_filed')
    .execute();
  return { filings, events: events.length };
}

/** The export's metadata without the PDF itself. */
export function metadataOf(body: FilingExport): string {
  const { contentBase64: _pdf, ...document } = body.document;
  return JSON.stringify({ ...body, document });
}
