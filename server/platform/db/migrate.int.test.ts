import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './index.ts';
import { MigrationError, migrate, readMigrations, type Migration } from './migrate.ts';
import { freshDatabasePerTest, testEngine } from '../../test/database.ts';

const fresh = freshDatabasePerTest();
const empty = () => fresh({ migrated: false });

async function appliedNames(database: Database) {
  const rows = await sql<{
    name: string;
  }>`select name from schema_migrations order by name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

describe(`migrations on ${testEngine}`, () => {
  it('applies every migration from an empty database, in order, once', async () => {
    const database = await empty();
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const first = await migrate(database.db);
    expect(first.applied).toEqual(all.map((m) => m.name));
    expect(await appliedNames(database)).toEqual(all.map((m) => m.name));
    const second = await migrate(database.db);
    expect(second.applied).toEqual([]);
  });

  it('two migrators starting at once apply each migration exactly once', async () => {
    const database = await empty();
    // On PostgreSQL the second migrator is a separate pool, as a second process would be.
    const other =
      testEngine === 'postgres' && 'url' in database && typeof database.url === 'string'
        ? await openDatabase({ kind: 'postgres', url: database.url, poolMax: 2 })
        : database;
    try {
      const [a, b] = await Promise.all([migrate(database.db), migrate(other.db)]);
      const total = [...a.applied, ...b.applied].sort();
      expect(total).toEqual(readMigrations().map((m) => m.name));
      expect(await appliedNames(database)).toEqual(total);
    } finally {
      if (other !== database) await other.close();
    }
  });

  // The next three start from the run's migrated template: every migration applied, by `migrate`.
  it('refuses to start when an applied migration was edited (forward-only)', async () => {
    const database = await fresh();
    const migrations = readMigrations();
    expect(await appliedNames(database)).toEqual(migrations.map((m) => m.name));
    const edited: Migration[] = migrations.map((m, i) =>
      i === 0 ? { ...m, sql: m.sql + '\n-- edited', checksum: 'different' } : m,
    );
    await expect(migrate(database.db, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('refuses to run against a database migrated by a newer version', async () => {
    const database = await fresh();
    const migrations = readMigrations();
    expect(await appliedNames(database)).toEqual(migrations.map((m) => m.name));
    await expect(migrate(database.db, migrations.slice(0, -1))).rejects.toThrow(
      /newer version of Tovholder/,
    );
  });

  // From the migrated template too: only the broken migration is pending, as after an upgrade.
  it('rolls back a failing migration completely and records nothing', async () => {
    const database = await fresh();
    const broken: Migration = {
      name: '9999_broken.sql',
      sql: 'create table half_done (id int); select * from no_such_table;',
      checksum: 'x',
    };
    await expect(migrate(database.db, [...readMigrations(), broken])).rejects.toBeInstanceOf(
      MigrationError,
    );
    expect(await appliedNames(database)).not.toContain('9999_broken.sql');
    const exists = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(
      database.db,
    );
    expect(exists.rows[0]?.n).toBe(0);
    // The earlier migrations are in place and the lock was released: a retry without it works.
    expect((await migrate(database.db)).applied).toEqual([]);
  });
});
