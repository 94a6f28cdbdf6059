/**
 * Benchmark of the inquiries inbox with 10,000 open inquiries in one municipality: latency under
 * load (autocannon, bounded in time, loopback only), latency of single requests one after the
 * other (for p95, which autocannon does not report), SQL statements per request, and the plan of
 * the inbox query (EXPLAIN ANALYZE). A logged-in coordinator (password + TOTP through the real
 * endpoints) asks; every inbox page writes its audit entries, as in production.
 *
 *   npm run bench:inquiries                            # a throwaway PostgreSQL (initdb, temp dir)
 *   DATABASE_URL=postgres://… npm run bench:inquiries  # an existing, empty, throwaway database
 *   BENCH_ENGINE=pglite npm run bench:inquiries        # PGlite in a temp dir
 *
 * BENCH_DURATION_S (10), BENCH_CONNECTIONS (10), BENCH_SEQUENTIAL (500) and BENCH_INQUIRIES
 * (10000) change the load.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { CompiledQuery, PostgresQueryCompiler, sql, type Kysely, type KyselyPlugin } from 'kysely';
import { buildApp } from '../server/app.ts';
import { hashPassword } from '../server/access/passwords.ts';
import type { CurrentUser } from '../server/access/sessions.ts';
import { newTotpSecret, totpCode, totpStep } from '../server/access/totp.ts';
import { listInbox } from '../server/modules/inquiries/queries.ts';
import { InboxQuery, SOURCES } from '../server/modules/inquiries/schema.ts';
import { SIGN_CODES } from '../server/modules/inquiries/signs.ts';
import { createStandardUnits } from '../server/modules/organisation/queries.ts';
import { encryptField } from '../server/platform/crypto.ts';
import { openDatabase, type Database } from '../server/platform/db/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import type { DB } from '../server/platform/db/schema.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 500);
const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 10_000);
const MUNICIPALITY = '101';
const PASSWORD = 'bench-korrekt-hest-batteri-2026';
const HOUR = 3_600_000;
const BATCH = 1_000;

// ── Database ──────────────────────────────────────────────────────────────────────────────
interface ThrowawayPostgres {
  url: string;
  version: string;
  stop(): void;
}
let throwaway: ThrowawayPostgres | undefined;
let url = process.env.DATABASE_URL;
const pglite = process.env.BENCH_ENGINE === 'pglite';
if (!url && !pglite) {
  // Plain JavaScript shared with the test runner (no type declarations).
  const lib = new URL('../scripts/lib/postgres.mjs', import.meta.url).href;
  const { startThrowawayPostgres } = (await import(lib)) as {
    startThrowawayPostgres(): Promise<ThrowawayPostgres>;
  };
  throwaway = await startThrowawayPostgres();
  url = throwaway.url;
}
let queries = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-bench-'));
let database: Database | undefined;
const cleanup = async () => {
  await database?.close();
  throwaway?.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

// ── Data ──────────────────────────────────────────────────────────────────────────────────
/** A small deterministic generator, so every run loads the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Loaded {
  coordinator: CurrentUser & { totpSecret: string };
  detailId: string;
}

async function load(db: Kysely<DB>, secretKey: Buffer): Promise<Loaded> {
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  await createStandardUnits(db, MUNICIPALITY);
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('municipality_code', '=', MUNICIPALITY)
    .execute();
  const ssp = units.find((u) => u.kind === 'ssp')?.id ?? null;
  const passwordHash = await hashPassword(PASSWORD);
  const totpSecret = newTotpSecret();
  const users: (CurrentUser & { totpSecret: string })[] = [];
  for (const [username, roles] of [
    ['bench.coordinator1', ['coordinator']],
    ['bench.coordinator2', ['coordinator']],
    ['bench.coordinator3', ['coordinator']],
    ['bench.hotline', ['hotline']],
  ] as const) {
    const row = await db
      .insertInto('users')
      .values({
        username,
        display_name: `Bench ${username}`,
        roles: [...roles],
        municipality_code: MUNICIPALITY,
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
    if (ssp && roles[0] === 'coordinator') {
      await db.insertInto('user_units').values({ user_id: row.id, unit_id: ssp }).execute();
    }
    users.push({
      id: row.id,
      username,
      displayName: `Bench ${username}`,
      roles: [...roles],
      municipalityCode: MUNICIPALITY,
      policeDistrictId: null,
      unitIds: ssp && roles[0] === 'coordinator' ? [ssp] : [],
      totpEnabled: true,
      totpSecret,
    });
  }
  const [coordinator, second, , hotline] = users as [
    (typeof users)[number],
    (typeof users)[number],
    (typeof users)[number],
    (typeof users)[number],
  ];
  const forum = await db
    .insertInto('forums')
    .values({ municipality_code: MUNICIPALITY, name: 'Bench Infohus' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('forum_members').values({ forum_id: forum.id, user_id: second.id }).execute();

  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const sources = SOURCES.filter((s) => s !== 'other');
  const channels = ['phone', 'email', 'meeting', 'hotline', 'letter'] as const;
  const families = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Larsen', 'Holm'];
  const hours = { high: 24, medium: 48, low: 72 } as const;
  let detailId = '';
  for (let start = 0; start < INQUIRIES; start += BATCH) {
    const inquiries = [];
    const persons = [];
    const links = [];
    const signs = [];
    const decisions = [];
    for (let i = start; i < Math.min(start + BATCH, INQUIRIES); i++) {
      const id = randomUUID();
      const roll = rnd();
      const status = roll < 0.3 ? 'received' : roll < 0.9 ? 'triaged' : 'awaiting_approval';
      const s = rnd();
      const seriousness =
        status === 'received' ? null : s < 0.25 ? 'high' : s < 0.7 ? 'medium' : 'low';
      // Deadlines spread over ±10 days: about half the inbox is overdue.
      const deadline = new Date(now + (rnd() * 20 - 10) * 24 * HOUR);
      const received = new Date(
        deadline.getTime() - (seriousness ? hours[seriousness] : 24) * HOUR,
      );
      const count = 1 + Math.floor(rnd() * 3);
      const urgent = rnd() < 0.08;
      inquiries.push({
        id,
        municipality_code: MUNICIPALITY,
        reference: `H-${year}-${String(i + 1).padStart(5, '0')}`,
        status,
        source: pick(sources),
        channel: pick(channels),
        reporter_anonymous: rnd() < 0.2,
        received_at: received,
        observation: `Bench-observation ${i + 1}: hvad anmelderen har set og hørt.`,
        subject_kind: count === 1 ? 'person' : rnd() < 0.5 ? 'persons' : 'family',
        immediate_danger: urgent && rnd() < 0.3,
        urgent,
        seriousness,
        deadline_at: deadline,
        forum_id: rnd() < 0.1 ? forum.id : null,
        recorded_unit_id: pick(units).id,
        created_by: hotline.id,
      });
      const family = pick(families);
      for (let p = 0; p < count; p++) {
        const personId = randomUUID();
        const born = 1960 + Math.floor(rnd() * 55);
        persons.push({
          id: personId,
          municipality_code: MUNICIPALITY,
          given_name: `Bench${i + 1}-${p + 1} Demo`,
          family_name: family,
          birth_date: `${born}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
          created_by: hotline.id,
        });
        links.push({ inquiry_id: id, person_id: personId, position: p });
      }
      const codes = new Set<string>();
      const signCount = 1 + Math.floor(rnd() * 3);
      while (codes.size < signCount) codes.add(pick(SIGN_CODES));
      for (const code of codes) signs.push({ inquiry_id: id, sign_code: code, note: null });
      if (status === 'awaiting_approval') {
        decisions.push({
          inquiry_id: id,
          outcome: 'no_concern',
          reason: 'Bench: ingen bekymring.',
          age_group: 'unknown',
          subject_kind: 'person',
          status: 'pending',
          decided_by: second.id,
        });
      }
      if (!detailId && status === 'triaged' && count === 3) detailId = id;
    }
    await db.insertInto('persons').values(persons).execute();
    await db.insertInto('inquiries').values(inquiries).execute();
    await db.insertInto('inquiry_persons').values(links).execute();
    await db.insertInto('inquiry_signs').values(signs).execute();
    if (decisions.length > 0) await db.insertInto('inquiry_decisions').values(decisions).execute();
  }
  await db
    .insertInto('reference_counters')
    .values({ municipality_code: MUNICIPALITY, kind: 'H', year, last_number: INQUIRIES })
    .execute();
  await sql`analyze`.execute(db);
  return { coordinator, detailId };
}

// ── Measuring ─────────────────────────────────────────────────────────────────────────────
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Sort Method'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** "Limit > Index Scan (inquiries_inbox_idx) rows=51 > …", depth first. */
function describePlan(node: PlanNode, depth = 0): string[] {
  const what = node['Index Name'] ?? node['Relation Name'];
  const line = `${'  '.repeat(depth)}${node['Node Type']}${what ? ` (${what})` : ''}${
    node['Sort Method'] ? ` [${node['Sort Method']}]` : ''
  } rows=${node['Actual Rows'] ?? '?'}${
    node['Rows Removed by Filter'] ? ` removed by filter=${node['Rows Removed by Filter']}` : ''
  }`;
  return [line, ...(node.Plans ?? []).flatMap((p) => describePlan(p, depth + 1))];
}

/** Times each statement the app sends through Kysely (BEGIN and COMMIT are not included). */
const timings: { sql: string; ms: number }[] = [];
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

async function run(database: Database) {
  const { db } = database;
  await migrate(db);
  const keys = { audit: randomBytes(32), secret: randomBytes(32) };
  const loadStart = performance.now();
  const { coordinator, detailId } = await load(db, keys.secret);
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
    { ...database, db: db.withPlugin(timer) },
    { keys },
  );
  try {
    await measure(app, database, coordinator, detailId, loadMs);
  } finally {
    await app.close();
  }
}

async function measure(
  app: Awaited<ReturnType<typeof buildApp>>,
  database: Database,
  coordinator: Loaded['coordinator'],
  detailId: string,
  loadMs: number,
) {
  const { db } = database;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;

  // Log in through the real endpoints: password, then the TOTP code.
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const first = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: coordinator.username, password: PASSWORD }),
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
    body: JSON.stringify({ code: totpCode(coordinator.totpSecret, totpStep()) }),
  });
  if (second.status !== 200) throw new Error(`totp: ${second.status} ${await second.text()}`);
  const headers = { cookie: cookieOf(second) };
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // The cursor at the end of page 10 (rows 501–550 come next).
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const body: { nextCursor: string | null } = await getJson(
      `/api/inquiries?limit=50${cursor ? `&after=${cursor}` : ''}`,
    );
    cursor = body.nextCursor;
  }
  if (!cursor) throw new Error('fewer than 10 pages of inquiries');
  const endpoints: [label: string, path: string][] = [
    ['GET /api/inquiries (page 1)', '/api/inquiries?limit=50'],
    ['GET /api/inquiries?seriousness=high', '/api/inquiries?limit=50&seriousness=high'],
    ['GET /api/inquiries?after=<page 10>', `/api/inquiries?limit=50&after=${cursor}`],
    ['GET /api/inquiries/:id', `/api/inquiries/${detailId}`],
  ];

  const version =
    database.engine === 'postgres'
      ? (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db))
          .rows[0]?.v
      : 'PGlite';
  console.log(
    `engine=${database.engine} (${version}) node=${process.version} inquiries=${INQUIRIES} ` +
      `load=${(loadMs / 1000).toFixed(1)}s duration=${DURATION_S}s connections=${CONNECTIONS} ` +
      `sequential=${SEQUENTIAL} loadavg=${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} cpus=${cpus().length}`,
  );

  // SQL statements of one request, on an idle server (three requests each: all should agree),
  // and how much of the request's time they take (BENCH_TRACE=1 lists them).
  const roundTrips = new Map<string, number[]>();
  const dbShare = new Map<string, string>();
  for (const [label, path] of endpoints) {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      queries = 0;
      timings.length = 0;
      const t0 = performance.now();
      await getJson(path);
      const total = performance.now() - t0;
      counts.push(queries);
      const inDb = timings.reduce((sum, t) => sum + t.ms, 0);
      dbShare.set(label, `${ms(inDb)} of ${ms(total)}`);
      if (process.env.BENCH_TRACE && i === 2) {
        console.log(`${label}: ${ms(total)} ms, statements ${ms(inDb)} ms`);
        for (const t of timings) console.log(`  ${ms(t.ms).padStart(6)} ms  ${t.sql}`);
      }
    }
    roundTrips.set(label, counts);
  }

  // One request after the other: p50/p95/p99 of SEQUENTIAL requests (after 20 to warm up).
  const sequential = new Map<string, number[]>();
  for (const [label, path] of endpoints) {
    for (let i = 0; i < 20; i++) await getJson(path);
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    }
    sequential.set(
      label,
      times.sort((a, b) => a - b),
    );
  }

  // Under load.
  const rows: string[][] = [];
  for (const [label, path] of endpoints) {
    const result = await autocannon({
      url: `${base}${path}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers,
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

  // The inbox query's plan: the statement listInbox sends, captured and explained.
  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the inbox query (second run, warm cache):');
  const captured: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      captured.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const traced = db.withPlugin(capture);
  const explain = async (query: CompiledQuery, label: string) => {
    let plan: { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number } | undefined;
    for (let i = 0; i < 2; i++) {
      const result = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (analyze, buffers, format json) ${query.sql}`, [
          ...query.parameters,
        ]),
      );
      const raw = result.rows[0]?.['QUERY PLAN'];
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as (typeof plan)[];
      plan = parsed[0];
    }
    if (!plan) return;
    console.log(
      `- ${label}: execution ${plan['Execution Time'].toFixed(2)} ms, planning ${plan[
        'Planning Time'
      ].toFixed(2)} ms, shared hit=${plan.Plan['Shared Hit Blocks'] ?? 0} read=${
        plan.Plan['Shared Read Blocks'] ?? 0
      }`,
    );
    for (const line of describePlan(plan.Plan)) console.log(`    ${line}`);
  };
  for (const [label, filter] of [
    ['page 1', {}],
    ['seriousness=high', { seriousness: 'high' }],
    ['after=<page 10>', { after: cursor }],
  ] as const) {
    captured.length = 0;
    await listInbox(traced, coordinator, InboxQuery.parse({ limit: 50, ...filter }), new Date());
    const [page, persons] = captured;
    if (!page || !persons) throw new Error('listInbox sent fewer statements than expected');
    await explain(page, `inbox ${label}`);
    if (label === 'page 1') await explain(persons, `persons of page 1`);
  }
}

try {
  database = await openDatabase(
    url ? { kind: 'postgres', url, poolMax: 10 } : { kind: 'pglite', dataDir },
    { onQuery: () => queries++ },
  );
  await run(database);
} finally {
  await cleanup();
}
