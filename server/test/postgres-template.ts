import { openDatabase } from '../platform/db/index.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEMPLATE_ENV } from './database.ts';

/**
 * On PostgreSQL, the counterpart of `pglite-template.ts`: one database migrated per integration
 * run (vitest `globalSetup`), which every test file's fresh database copies with
 * `create database … template …` instead of running the migrations again. Nobody connects to it
 * after set-up, as PostgreSQL requires of a template; it is dropped at the end of the run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!process.env.TEST_DATABASE_URL) return async () => undefined;
  const url = await createPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 1 });
  try {
    await migrate(database.db);
  } finally {
    await database.close();
  }
  // Test workers are started after this and inherit the environment.
  process.env[POSTGRES_TEMPLATE_ENV] = new URL(url).pathname.slice(1);
  return () => dropPostgresDatabase(url);
}
