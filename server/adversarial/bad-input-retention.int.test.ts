import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createCase } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for retention's administration (issue 13 part 6,
 * docs/RETENTION.md): the periods, legal holds, archival exports and deleting a due record. A
 * municipal administrator calls; a rejected request stores nothing, the audit log included.
 */
let t: TestApp;
let run: BadInputRun;
let admin: LoggedIn;
let caseId = '';
let holdId = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const user = await createUser(db, { roles: ['municipal_admin'] });
  admin = await login(t.app, user);
  caseId = (await createCase(db)).id;
  holdId = randomUUID();
  await db
    .insertInto('legal_holds')
    .values({
      id: holdId,
      municipality_code: '101',
      case_id: caseId,
      reason: 'Klage under behandling.',
      placed_by: user.id,
    })
    .execute();
  run = new BadInputRun(t, admin);
});
afterAll(async () => {
  printCounts(run.report(`retention (${testEngine})`));
  await t.close();
});

const periodVersion = async () =>
  (
    await t.database.db
      .selectFrom('retention_periods')
      .select('version')
      .where('municipality_code', '=', '101')
      .where('kind', '=', 'case_closed')
      .executeTakeFirst()
  )?.version ?? 0;

const fixtures: Record<string, () => Fixture> = {
  'PUT /api/admin/retention/periods/{kind}': () => ({
    params: { kind: 'case_closed' },
    body: async () => ({
      months: 60,
      minimumMonths: 60,
      confirmed: true,
      version: await periodVersion(),
    }),
  }),
  'POST /api/admin/retention/holds': () => ({
    body: () => ({
      id: randomUUID(),
      recordKind: 'case',
      recordId: caseId,
      reason: 'Retssag verserer.',
    }),
  }),
  'POST /api/admin/retention/holds/{id}/lift': () => ({
    params: { id: holdId },
    body: async () => ({
      reason: 'Klagen er afgjort.',
      version: await versionOf(t.database.db, 'legal_holds', holdId),
    }),
  }),
  'POST /api/admin/retention/exports': () => ({ body: () => ({ id: randomUUID() }) }),
  'POST /api/admin/retention/delete': () => ({
    body: () => ({ recordKind: 'case', recordId: caseId }),
  }),
};

describe(`generated bad input: retention (${testEngine})`, () => {
  badInputTests({ group: 'retention', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
