import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Resolves when the database answers `select 1` within the time limit. */
  ping(timeoutMs?: number): Promise<void>;
  /** Finishes running queries and closes; PGlite flushes its files. Safe to call twice. */
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * Both engines return the same JavaScript types: bigint counts as numbers (they are small),
 * `date` columns as 'YYYY-MM-DD' strings (no time-zone shift), timestamps as Date.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (v: string) => Number(v);
    if (oid === OID.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenOptions {
  /** Called once per SQL statement sent (benchmarks count round trips with it). */
  onQuery?: () => void;
  /** PGlite only: start from this dump of a data directory (tests: a migrated template). */
  loadDataDir?: Blob;
}

function logOption(options: OpenOptions) {
  const onQuery = options.onQuery;
  return onQuery ? { log: () => onQuery() } : {};
}

export async function openDatabase(
  config: Config['database'],
  options: OpenOptions = {},
): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolMax,
      types: pgTypes as pg.CustomTypesConfig,
      connectionTimeoutMillis: 5_000,
      application_name: 'tovholder',
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...logOption(options) });
    return wrap(db, 'postgres');
  }
  mkdirSync(config.dataDir, { recursive: true });
  return openPGlite(config.dataDir, options);
}

/** `dataDir` undefined means in memory (tests). */
export async function openPGlite(dataDir?: string, options: OpenOptions = {}): Promise<Database> {
  const client = await PGlite.create(dataDir, {
    ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.date]: (v: string) => v,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), ...logOption(options) });
  return wrap(db, 'pglite');
}

function wrap(db: Kysely<DB>, engine: Engine): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    engine,
    async ping(timeoutMs = 2_000) {
      if (closing) throw new Error('database is closed');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}
