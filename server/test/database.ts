import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openDatabase, openPGlite, type Database } from '../platform/db/index.ts';
import { migrate } from '../platform/db/migrate.ts';
import { migratedTemplate } from './pglite-template.ts';

/**
 * Test databases. Without TEST_DATABASE_URL every call gets a fresh in-memory PGlite; with it,
 * every call creates a fresh database on that PostgreSQL server (dropped by `close`). Either
 * way tests never share rows, so files run in parallel. A migrated one starts from the run's
 * migrated template (`pglite-template.ts`, `postgres-template.ts`) when there is one.
 */
export const testEngine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL
  ? 'postgres'
  : 'pglite';

export interface TestDatabase extends Database {
  /** Connection string of the fresh PostgreSQL database (undefined on PGlite). */
  url?: string;
}

export async function freshDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  let database: TestDatabase;
  if (testEngine === 'postgres') {
    const template = migrated ? process.env[POSTGRES_TEMPLATE_ENV] : undefined;
    const url = await createPostgresDatabase({ template });
    const opened = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
    const close = opened.close;
    database = {
      ...opened,
      url,
      close: async () => {
        await close();
        await dropPostgresDatabase(url);
      },
    };
    if (template) return database;
  } else {
    const template = migrated ? migratedTemplate() : undefined;
    database = await openPGlite(undefined, template ? { loadDataDir: template } : {});
    if (template) return database;
  }
  if (migrated) await migrate(database.db);
  return database;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

async function withAdmin<T>(fn: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: adminUrl(), max: 1 }) }),
  });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Names the migrated database that `postgres-template.ts` made for this run, if any. */
export const POSTGRES_TEMPLATE_ENV = 'TOVHOLDER_TEST_POSTGRES_TEMPLATE';
const TEST_DATABASE_NAME = /^tovholder_test_[0-9a-f]+$/;

/** A new database; with `template`, a copy of that one (PostgreSQL copies its files). */
export async function createPostgresDatabase(options: { template?: string } = {}): Promise<string> {
  const name = `tovholder_test_${randomBytes(6).toString('hex')}`;
  const { template } = options;
  if (template !== undefined && !TEST_DATABASE_NAME.test(template)) {
    throw new Error('refusing to copy ' + template);
  }
  const copy = template ? ` template ${template}` : '';
  await withAdmin((db) => sql.raw(`create database ${name}${copy}`).execute(db));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!TEST_DATABASE_NAME.test(name)) throw new Error('refusing to drop ' + name);
  await withAdmin((db) => sql.raw(`drop database if exists ${name} with (force)`).execute(db));
}

/**
 * For files that need several databases: returns a factory of fresh databases, every one closed
 * after each test of the calling file.
 */
export function freshDatabasePerTest(): (options?: {
  migrated?: boolean;
}) => Promise<TestDatabase> {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
  });
  return async (options) => {
    const database = await freshDatabase(options);
    open.push(database);
    return database;
  };
}
