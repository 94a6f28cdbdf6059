import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../test/database.ts';

/**
 * Deleting across tables (docs/RETENTION.md): the retention job deletes a case, an inquiry or a
 * person through its owner, and every table that refers to one of them must follow — `on delete
 * cascade` for the rows that belong to the record, `on delete set null` for a mere pointer. A new
 * table that refers to `cases`, `inquiries` or `persons` without either would make the deletion
 * fail (or, worse, keep personal data), so this test reads the live schema and names it.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('foreign keys to the records retention deletes', () => {
  it('every reference to cases, inquiries or persons cascades or sets null', async () => {
    const rows = await sql<{
      table_name: string;
      constraint_name: string;
      target: string;
      rule: string;
    }>`
      select c.conrelid::regclass::text as table_name, c.conname as constraint_name,
             c.confrelid::regclass::text as target, c.confdeltype as rule
        from pg_constraint c
       where c.contype = 'f'
         and c.confrelid::regclass::text in ('cases', 'inquiries', 'persons')
       order by 1, 2`.execute(database.db);
    expect(rows.rows.length).toBeGreaterThan(10);
    // Restricted on purpose (0043): an active legal hold and a citizen's access request must
    // never vanish by cascade; the job checks both first and deletes lifted holds itself.
    const restricted = new Set([
      'legal_holds.legal_holds_case_id_fkey',
      'legal_holds.legal_holds_inquiry_id_fkey',
      'access_requests.access_requests_person_id_fkey',
    ]);
    const blocking = rows.rows
      .filter((r) => !restricted.has(`${r.table_name}.${r.constraint_name}`))
      .filter((r) => r.rule !== 'c' && r.rule !== 'n')
      .map((r) => `${r.table_name}.${r.constraint_name} → ${r.target}`);
    expect(blocking).toEqual([]);
  });
});
