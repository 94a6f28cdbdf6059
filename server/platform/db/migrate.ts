import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

export const MIGRATIONS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);

/** Arbitrary constant shared by every Tovholder process: "only one migrates at a time". */
const MIGRATION_LOCK_KEY = 7_260_411_925;
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<string>();
  return files.map((name) => {
    const match = FILE_PATTERN.exec(name);
    if (!match)
      throw new MigrationError(`migration file name must look like 0001_name.sql: ${name}`);
    const number = match[1] ?? '';
    if (seen.has(number)) throw new MigrationError(`two migrations share number ${number}`);
    seen.add(number);
    const text = readFileSync(join(dir, name), 'utf8');
    return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

/**
 * Applies pending migrations in order, each in its own transaction, under a session advisory
 * lock so that two processes starting at once never both migrate. Forward-only: a migration that
 * was changed after it was applied stops the start, and a database newer than the code too.
 */
export async function migrate<T>(
  db: Kysely<T>,
  migrations: Migration[] = readMigrations(),
): Promise<{ applied: string[] }> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = await sql<{ name: string; checksum: string }>`
        select name, checksum from schema_migrations order by name`.execute(conn);
      const known = new Map(migrations.map((m) => [m.name, m]));
      for (const row of done.rows) {
        const migration = known.get(row.name);
        if (!migration) {
          throw new MigrationError(
            `the database has migration ${row.name}, which this version does not know; ` +
              'it was migrated by a newer version of Tovholder',
          );
        }
        if (migration.checksum !== row.checksum) {
          throw new MigrationError(
            `migration ${row.name} was changed after it was applied; add a new migration instead`,
          );
        }
      }
      const appliedNames = new Set(done.rows.map((r) => r.name));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (appliedNames.has(migration.name)) continue;
        await sql`begin`.execute(conn);
        try {
          await sql.raw(migration.sql).execute(conn);
          await sql`insert into schema_migrations (name, checksum)
                    values (${migration.name}, ${migration.checksum})`.execute(conn);
          await sql`commit`.execute(conn);
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw new MigrationError(`migration ${migration.name} failed: ${describe(error)}`, {
            cause: error,
          });
        }
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
