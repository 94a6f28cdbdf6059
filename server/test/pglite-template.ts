import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from '../platform/db/pglite-dialect.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * A migrated PGlite data directory, made once per integration run (vitest `globalSetup`) and
 * loaded by every test file's fresh database: starting PGlite from it skips `initdb` and the
 * migrations, several seconds per file on a busy machine. Made anew on every run, so it always
 * holds the current migrations; each file still gets its own in-memory copy.
 */
const TEMPLATE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.tmp',
  `pglite-template-${process.pid}.tar`,
);
const ENV = 'TOVHOLDER_TEST_PGLITE_TEMPLATE';

export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => undefined;
  const client = await PGlite.create();
  const db = new Kysely({ dialect: new PGliteDialect(client) });
  await migrate(db);
  const dump = await client.dumpDataDir('none');
  await db.destroy();
  mkdirSync(dirname(TEMPLATE), { recursive: true });
  writeFileSync(`${TEMPLATE}.part`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${TEMPLATE}.part`, TEMPLATE);
  // Test workers are started after this and inherit the environment.
  process.env[ENV] = TEMPLATE;
  return () => rmSync(TEMPLATE, { force: true });
}

/** The template made by `setup` for this run, if any (absent when a file runs on its own). */
export function migratedTemplate(): Blob | undefined {
  const path = process.env[ENV];
  return path && existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}
