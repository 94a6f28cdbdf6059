import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine, type TestDatabase } from '../../test/database.ts';
import { createCase, createPerson } from '../../test/records.ts';
import { closeCaseOn } from '../../test/retention-fixtures.ts';
import { createUsers } from '../../test/users.ts';
import {
  ARCHIVE_TABLES,
  EXTRA_TABLES,
  NOT_ARCHIVED,
  readExtraTables,
} from './queries-archive-tables.ts';

/**
 * Archive-then-delete (docs/RETENTION.md): every table whose rows the deletion of a case or an
 * inquiry removes by cascade must be in the archival version, or the rows are destroyed without
 * delivery. This test reads the foreign-key catalogue — the tables that cascade from `cases` or
 * `inquiries`, directly or through another such table — and names any the export leaves out.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(`the archival version covers the deletion (${testEngine})`, () => {
  it('exports every table that cascades from cases or inquiries', async () => {
    const rows = await sql<{ table_name: string; target: string; columns: string }>`
      select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as target,
             (select string_agg(a.attname, ',') from pg_attribute a
               where a.attrelid = c.conrelid and a.attnum = any (c.conkey)) as columns
        from pg_constraint c
       where c.contype = 'f' and c.confdeltype = 'c'`.execute(database.db);
    const cascading = new Set(['cases', 'inquiries']);
    for (let grown = true; grown;) {
      grown = false;
      for (const r of rows.rows) {
        if (cascading.has(r.target) && !cascading.has(r.table_name)) {
          cascading.add(r.table_name);
          grown = true;
        }
      }
    }
    const exported = new Set(ARCHIVE_TABLES.map((t) => t.table));
    const missing = [...cascading]
      .filter((t) => !exported.has(t) && NOT_ARCHIVED[t] === undefined)
      .sort();
    expect(missing).toEqual([]);
    // And each listed table hangs on its parent by the column named (the export's query).
    for (const spec of EXTRA_TABLES) {
      const edge = rows.rows.find((r) => r.table_name === spec.table && r.target === spec.parent);
      expect(edge?.columns, spec.table).toBe(spec.column);
    }
  });

  it('reads the rows that go with the case: its closure decision is in the export', async () => {
    const db = database.db;
    const { admin } = await createUsers(db, { admin: 'municipal_admin' });
    const c = await createCase(db, { persons: [{ id: (await createPerson(db)).id }] });
    const other = await createCase(db, { persons: [{ id: (await createPerson(db)).id }] });
    await closeCaseOn(db, c.id, admin.id, new Date());
    await closeCaseOn(db, other.id, admin.id, new Date());
    const { tables } = await readExtraTables(db, '101', [c.id], []);
    expect(tables.case_closures?.map((r) => r.case_id)).toEqual([c.id]);
    // Another municipality's code reads nothing of the case.
    const foreign = await readExtraTables(db, '147', [c.id], []);
    expect(foreign.tables.case_closures).toEqual([]);
  });
});
