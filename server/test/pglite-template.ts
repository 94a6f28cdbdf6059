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
  // Test databases are small: PGlite's 128 MB of shared buffers cost every copy's start-up in
  // memory it touches (about a tenth of its CPU time); 16 MB hold a test file's working set.
  await client.exec(`alter system set shared_buffers = '16MB'`);
  const dump = await client.dumpDataDir('none');
  await db.destroy();
  mkdirSync(dirname(TEMPLATE), { recursive: true });
  writeFileSync(`${TEMPLATE}.part`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${TEMPLATE}.part`, TEMPLATE);
  // Test workers are started after this and inherit the environment.
  process.env[ENV] = TEMPLATE;
  return () => rmSync(TEMPLATE, { force: true });
}

/**
 * The template's bytes, read once per worker (files of a worker share modules). PGlite copies
 * every file of the tarball into its own in-memory file system, so one buffer serves them all.
 */
let cached: { path: string; bytes: ArrayBuffer } | undefined;

/**
 * A Blob whose `arrayBuffer()` hands over the cached bytes. Node's own Blob streams its content
 * in small chunks and joins them, which cost about a third of a second (and the garbage) per
 * fresh database; PGlite reads the tarball only through `arrayBuffer()`.
 */
class TemplateBlob extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: ArrayBuffer) {
    super([]);
    this.#bytes = bytes;
  }
  override get size(): number {
    return this.#bytes.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes);
  }
}

/** The template made by `setup` for this run, if any (absent when a file runs on its own). */
export function migratedTemplate(): Blob | undefined {
  const path = process.env[ENV];
  if (!path) return undefined;
  if (cached?.path !== path) {
    if (!existsSync(path)) return undefined;
    const file = readFileSync(path);
    cached = {
      path,
      bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength),
    };
  }
  return new TemplateBlob(cached.bytes);
}
