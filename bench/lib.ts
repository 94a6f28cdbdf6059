/**
 * What the benchmarks share: the database (a throwaway PostgreSQL, an existing one through
 * DATABASE_URL, or PGlite with BENCH_ENGINE=pglite), bench users who log in through the real
 * endpoints (password + TOTP), and the measurements — SQL statements per request on an idle
 * server, p50/p95/p99 of requests one after the other, and autocannon under load — printed as one
 * table. Figures, not pass/fail.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { PostgresQueryCompiler, sql, type Kysely, type KyselyPlugin } from 'kysely';
import { buildApp } from '../server/app.ts';
import { createStandardUnits } from '../server/modules/admin/standard-units.ts';
import { hashPassword } from '../server/access/passwords.ts';
import type { Role } from '../server/access/roles.ts';
import type { CurrentUser } from '../server/access/sessions.ts';
import { newTotpSecret, totpCode, totpStep } from '../server/access/totp.ts';
import { encryptField } from '../server/platform/crypto.ts';
import { openDatabase, type Database } from '../server/platform/db/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import type { DB } from '../server/platform/db/schema.ts';

export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 500);
export const PASSWORD = 'bench-korrekt-hest-batteri-2026';

/** A small deterministic generator, so every run loads the same data. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

export const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

export type BenchUser = CurrentUser & { totpSecret: string };

/** Users with a password and TOTP, in `unitId` when given (one round of inserts each). */
async function createBenchUsers(
  db: Kysely<DB>,
  secretKey: Buffer,
  municipalityCode: string,
  users: readonly (readonly [username: string, roles: readonly Role[]])[],
  unitId: string | null,
): Promise<BenchUser[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const totpSecret = newTotpSecret();
  const created: BenchUser[] = [];
  for (const [username, roles] of users) {
    const row = await db
      .insertInto('users')
      .values({
        username,
        display_name: `Bench ${username}`,
        roles: [...roles],
        municipality_code: municipalityCode,
        password_hash: passwordHash,
        password_changed_at: sql<Date>`now()`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('users')
      .set({
        totp_secret_enc: encryptField(secretKey, totpSecret, `totp:${row.id}`),
        totp_enabled_at: sql<Date>`now()`,
      })
      .where('id', '=', row.id)
      .execute();
    const inUnit = unitId !== null && roles[0] !== 'hotline';
    if (inUnit)
      await db.insertInto('user_units').values({ user_id: row.id, unit_id: unitId }).execute();
    created.push({
      id: row.id,
      username,
      displayName: `Bench ${username}`,
      roles: [...roles],
      municipalityCode,
      policeDistrictId: null,
      unitIds: inUnit ? [unitId] : [],
      totpEnabled: true,
      totpSecret,
    });
  }
  return created;
}

/**
 * A bench municipality: its standard units, and the users in its SSP unit (hotline staff in
 * none). The units come back too, for records that name one.
 */
export async function createBenchTeam(
  db: Kysely<DB>,
  secretKey: Buffer,
  municipalityCode: string,
  users: readonly (readonly [username: string, roles: readonly Role[]])[],
): Promise<{ units: { id: string; kind: string }[]; ssp: string; team: BenchUser[] }> {
  await createStandardUnits(db, municipalityCode);
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('municipality_code', '=', municipalityCode)
    .execute();
  const ssp = units.find((u) => u.kind === 'ssp')?.id;
  if (!ssp) throw new Error('no SSP unit among the standard units');
  const team = await createBenchUsers(db, secretKey, municipalityCode, users, ssp);
  return { units, ssp, team };
}

/** Times each statement the app sends through Kysely (BEGIN and COMMIT are not included). */
export const timings: { sql: string; ms: number }[] = [];
const started = new Map<string, { sql: string; t0: number }>();
const compiler = new PostgresQueryCompiler();
const timer: KyselyPlugin = {
  transformQuery: (args) => {
    const sqlText = compiler.compileQuery(args.node, args.queryId).sql.replace(/\s+/g, ' ');
    started.set(args.queryId.queryId, { sql: sqlText, t0: performance.now() });
    return args.node;
  },
  transformResult: (args) => {
    const start = started.get(args.queryId.queryId);
    started.delete(args.queryId.queryId);
    if (start) timings.push({ sql: start.sql, ms: performance.now() - start.t0 });
    return Promise.resolve(args.result);
  },
};

export interface BenchRun {
  database: Database;
  keys: { audit: Buffer; secret: Buffer };
  /** Statements sent since the counter was last reset (every statement, BEGIN/COMMIT too). */
  queries: { count: number };
}

/**
 * Opens the database, migrates, calls `load`, starts the app on a loopback port and calls
 * `measure` with its address; cleans everything up afterwards, also on Ctrl-C.
 */
export async function withBenchApp<L>(
  name: string,
  load: (run: BenchRun) => Promise<L>,
  measure: (run: BenchRun & { base: string; loadMs: number; loaded: L }) => Promise<void>,
): Promise<void> {
  interface ThrowawayPostgres {
    url: string;
    version: string;
    stop(): void;
  }
  let throwaway: ThrowawayPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url && process.env.BENCH_ENGINE !== 'pglite') {
    // Plain JavaScript shared with the test runner (no type declarations).
    const lib = new URL('../scripts/lib/postgres.mjs', import.meta.url).href;
    const { startThrowawayPostgres } = (await import(lib)) as {
      startThrowawayPostgres(): Promise<ThrowawayPostgres>;
    };
    throwaway = await startThrowawayPostgres();
    url = throwaway.url;
  }
  const queries = { count: 0 };
  const dataDir = mkdtempSync(join(tmpdir(), `tovholder-bench-${name}-`));
  let database: Database | undefined;
  const cleanup = async () => {
    await database?.close();
    throwaway?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    database = await openDatabase(
      url ? { kind: 'postgres', url, poolMax: 10 } : { kind: 'pglite', dataDir },
      { onQuery: () => queries.count++ },
    );
    await migrate(database.db);
    const run: BenchRun = {
      database,
      keys: { audit: randomBytes(32), secret: randomBytes(32) },
      queries,
    };
    const loadStart = performance.now();
    const loaded = await load(run);
    await sql`analyze`.execute(database.db);
    const loadMs = performance.now() - loadStart;
    const app = await buildApp(
      {
        env: 'production',
        demo: false,
        bodyLimitBytes: 1_048_576,
        logLevel: 'warn',
        webDir: dataDir,
        session: { idleMinutes: 30, absoluteHours: 12 },
        trustProxy: false,
      },
      // The app's statements are timed (see `timer`); the plugin only reads the clock.
      { ...database, db: database.db.withPlugin(timer) },
      { keys: run.keys },
    );
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await measure({ ...run, base: `http://127.0.0.1:${port}`, loadMs, loaded });
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

/** The first line of every report: engine, versions, load time and the machine's load. */
export async function describeRun(run: BenchRun, what: string, loadMs: number): Promise<void> {
  const { database } = run;
  const version =
    database.engine === 'postgres'
      ? (
          await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
            database.db,
          )
        ).rows[0]?.v
      : 'PGlite';
  console.log(
    `engine=${database.engine} (${version}) node=${process.version} ${what} ` +
      `load=${(loadMs / 1000).toFixed(1)}s duration=${DURATION_S}s connections=${CONNECTIONS} ` +
      `sequential=${SEQUENTIAL} loadavg=${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} cpus=${cpus().length}`,
  );
}

/**
 * Logs in through the real endpoints (password, then the TOTP code); returns the cookie header
 * and the session's CSRF token header (for POST endpoints).
 */
export async function logIn(
  base: string,
  user: BenchUser,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const first = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: PASSWORD }),
  });
  if (first.status !== 200) throw new Error(`login: ${first.status} ${await first.text()}`);
  const pending = (await first.json()) as { csrfToken: string };
  const second = await fetch(`${base}/api/auth/totp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookieOf(first),
      'x-csrf-token': pending.csrfToken,
    },
    body: JSON.stringify({ code: totpCode(user.totpSecret, totpStep()) }),
  });
  if (second.status !== 200) throw new Error(`totp: ${second.status} ${await second.text()}`);
  const session = (await second.json()) as { csrfToken: string };
  return { cookie: cookieOf(second), 'x-csrf-token': session.csrfToken };
}

export async function getJson<T>(
  base: string,
  headers: { cookie: string },
  path: string,
): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An endpoint to measure: a GET of `path`, or a POST of `body` (JSON) when one is given. */
export type Endpoint = readonly [label: string, path: string, body?: unknown];

/** The fetch / autocannon options of one request to the endpoint. */
function requestOf(headers: Record<string, string>, body: unknown) {
  if (body === undefined) return { headers };
  return {
    method: 'POST' as const,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/**
 * Measures each endpoint three ways and prints one table: SQL statements per request on an idle
 * server (three requests each: all should agree; BENCH_TRACE=1 lists them), p50/p95/p99 of
 * SEQUENTIAL requests one after the other (after 20 to warm up), and autocannon under load.
 * Returns each endpoint's sequential p95 (ms).
 */
export async function measureEndpoints(
  run: BenchRun & { base: string },
  headers: Record<string, string> & { cookie: string },
  endpoints: readonly Endpoint[],
): Promise<Map<string, number>> {
  const { base, queries } = run;
  // BENCH_ONLY=<regex> measures only the endpoints whose label matches (e.g. "/api/cases\b").
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  if (only) endpoints = endpoints.filter(([label]) => only.test(label));
  const roundTrips = new Map<string, number[]>();
  const dbShare = new Map<string, string>();
  for (const [label, path, body] of endpoints) {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      queries.count = 0;
      timings.length = 0;
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, requestOf(headers, body));
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      const total = performance.now() - t0;
      counts.push(queries.count);
      const inDb = timings.reduce((sum, t) => sum + t.ms, 0);
      dbShare.set(label, `${ms(inDb)} of ${ms(total)}`);
      if (process.env.BENCH_TRACE && i === 2) {
        console.log(`${label}: ${ms(total)} ms, statements ${ms(inDb)} ms`);
        for (const t of timings) console.log(`  ${ms(t.ms).padStart(6)} ms  ${t.sql}`);
      }
    }
    roundTrips.set(label, counts);
  }

  const sequential = new Map<string, number[]>();
  for (const [label, path, body] of endpoints) {
    const init = requestOf(headers, body);
    for (let i = 0; i < 20; i++) await (await fetch(`${base}${path}`, init)).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, init);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    }
    sequential.set(
      label,
      times.sort((a, b) => a - b),
    );
  }

  const rows: string[][] = [];
  for (const [label, path, body] of endpoints) {
    const result = await autocannon({
      url: `${base}${path}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      ...requestOf(headers, body),
    });
    const seq = sequential.get(label) ?? [];
    const counts = roundTrips.get(label) ?? [];
    rows.push([
      label,
      String(Math.round(result.requests.average)),
      `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p97_5} / ${result.latency.p99}`,
      `${ms(percentile(seq, 50))} / ${ms(percentile(seq, 95))} / ${ms(percentile(seq, 99))}`,
      counts.every((c) => c === counts[0]) ? String(counts[0]) : counts.join('/'),
      dbShare.get(label) ?? '',
      result.non2xx || result.errors ? `non-2xx=${result.non2xx} errors=${result.errors}` : '',
    ]);
  }
  const head = [
    'endpoint',
    'req/s',
    'load p50/p90/p97.5/p99 ms',
    'sequential p50/p95/p99 ms',
    'SQL/req',
    'SQL ms of total (idle)',
    '',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows]) {
    console.log(
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    );
  }
  return new Map([...sequential].map(([label, seq]) => [label, percentile(seq, 95)]));
}
