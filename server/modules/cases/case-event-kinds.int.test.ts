import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { CaseEventKindSchema } from './schema.ts';

/**
 * The chronology's kinds live in the case_event_kinds table (0029), one row per kind, and the
 * API's list of kinds must be the same: a kind only one of them knows is either refused by the
 * database or sent to the web without a label.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('case event kinds', () => {
  it('the table holds exactly the kinds the API knows', async () => {
    const rows = await t.database.db.selectFrom('case_event_kinds').select('code').execute();
    expect(rows.map((r) => r.code).sort()).toEqual([...CaseEventKindSchema.options].sort());
  });

  it('refuses an event of an unknown kind', async () => {
    await expect(
      t.database.db
        .insertInto('case_events')
        .values({ case_id: '00000000-0000-4000-8000-000000000000', kind: 'no_such_kind' as never })
        .execute(),
    ).rejects.toThrow();
  });
});
