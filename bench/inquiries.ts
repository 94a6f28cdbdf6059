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
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import { listInbox } from '../server/modules/inquiries/queries-inbox.ts';
import { InboxQuery, SOURCES } from '../server/modules/inquiries/schema.ts';
import { SIGN_CODES } from '../server/modules/inquiries/signs.ts';
import type { DB } from '../server/platform/db/schema.ts';
import { cprDigest } from '../server/modules/persons/service.ts';
import {
  createBenchTeam,
  describeRun,
  getJson,
  logIn,
  measureEndpoints,
  random,
  withBenchApp,
  type BenchUser,
} from './lib.ts';

const INQUIRIES = Number(process.env.BENCH_INQUIRIES ?? 10_000);
const MUNICIPALITY = '101';
const HOUR = 3_600_000;
const BATCH = 1_000;

// ── Data ──────────────────────────────────────────────────────────────────────────────────
interface Loaded {
  coordinator: BenchUser;
  detailId: string;
  /** A CPR number of one of the persons (every person has one, for the exact search). */
  knownCpr: string;
}

async function load(db: Kysely<DB>, secretKey: Buffer): Promise<Loaded> {
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const { units, team: users } = await createBenchTeam(db, secretKey, MUNICIPALITY, [
    ['bench.coordinator1', ['coordinator']],
    ['bench.coordinator2', ['coordinator']],
    ['bench.coordinator3', ['coordinator']],
    ['bench.hotline', ['hotline']],
  ]);
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
  let knownCpr = '';
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
        const birthDate = `${born}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
        const cpr = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}${
          born < 2000 ? 1 : 4
        }${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
        if (i === Math.floor(INQUIRIES / 2) && p === 0) knownCpr = cpr;
        persons.push({
          id: personId,
          municipality_code: MUNICIPALITY,
          given_name: `Bench${i + 1}-${p + 1} Demo`,
          family_name: family,
          birth_date: birthDate,
          cpr_digest: cprDigest(secretKey, cpr),
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
  return { coordinator, detailId, knownCpr };
}

// ── Measuring ─────────────────────────────────────────────────────────────────────────────
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

async function measure(
  run: Parameters<Parameters<typeof withBenchApp<Loaded>>[2]>[0],
): Promise<void> {
  const { base, loaded, loadMs } = run;
  const { coordinator, detailId, knownCpr } = loaded;
  const db = run.database.db;
  const headers = await logIn(base, coordinator);

  // The cursor at the end of page 10 (rows 501–550 come next).
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const body: { nextCursor: string | null } = await getJson(
      base,
      headers,
      `/api/inquiries?limit=50${cursor ? `&after=${cursor}` : ''}`,
    );
    cursor = body.nextCursor;
  }
  if (!cursor) throw new Error('fewer than 10 pages of inquiries');
  await describeRun(run, `inquiries=${INQUIRIES}`, loadMs);
  await measureEndpoints(run, headers, [
    ['GET /api/inquiries (page 1)', '/api/inquiries?limit=50'],
    ['GET /api/inquiries?seriousness=high', '/api/inquiries?limit=50&seriousness=high'],
    ['GET /api/inquiries?after=<page 10>', `/api/inquiries?limit=50&after=${cursor}`],
    ['GET /api/inquiries/:id', `/api/inquiries/${detailId}`],
    // The inbox's text search (issue 12): a reference's start in the address; a name or CPR
    // number in a POST body. Finding persons: every bench person is in an open inquiry.
    [
      'GET /api/inquiries?reference=H-…-0500',
      `/api/inquiries?limit=50&status=all&reference=H-${new Date().getUTCFullYear()}-0500`,
    ],
    ['POST /api/inquiries/search (name)', '/api/inquiries/search', { text: 'Holm', limit: 50 }],
    ['POST /api/inquiries/search (CPR)', '/api/inquiries/search', { text: knownCpr, limit: 50 }],
    ['POST /api/persons/search (name)', '/api/persons/search', { name: 'Holm', limit: 25 }],
    ['POST /api/persons/search (CPR)', '/api/persons/search', { cpr: knownCpr }],
  ]);

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

await withBenchApp('inquiries', ({ database, keys }) => load(database.db, keys.secret), measure);
