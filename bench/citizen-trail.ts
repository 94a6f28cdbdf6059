/**
 * Benchmark of "who has seen and received this citizen's data" (issue 13, Done when): the
 * data-protection role's one view of a citizen's reads and disclosures
 * (POST /api/disclosures/citizen-trail) at 10,000 cases. Loads the case overview's 10,000 cases
 * and citizens (bench/case-overview.ts), then a realistic trail: TRAIL_AUDIT (300,000) audit
 * entries over two years — reads, searches, exports and changes by six users of the team, about
 * 30 per citizen — with one citizen read HEAVY_READS (5,000) times, and TRAIL_DISCLOSURES
 * (3,000) disclosures with their persons and `disclose` entries, 200 of them about that citizen.
 * The audit entries are a valid hash chain of the municipality (the app's own entries continue
 * it). Measures the view for that citizen (found by CPR number) and for a typical one: page 1,
 * reads only, disclosures only, a 90-day period and page 20; the p95 of the two statements
 * straight on the database for the ratio; statements per request.
 *
 *   npx tsx bench/citizen-trail.ts                            # a throwaway PostgreSQL
 *   DATABASE_URL=postgres://… npx tsx bench/citizen-trail.ts  # an existing, empty database
 *   BENCH_ENGINE=pglite npx tsx bench/citizen-trail.ts        # PGlite in a temp dir
 *
 * BENCH_DURATION_S, BENCH_CONNECTIONS, BENCH_SEQUENTIAL and BENCH_ONLY as for the other benches.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import {
  trailDisclosures,
  trailReads,
  type TrailFilter,
} from '../server/modules/disclosures/queries-trail.ts';
import { seedStandardInterventions } from '../server/modules/interventions/catalogue-seed.ts';
import { cprDigest } from '../server/modules/persons/service.ts';
import { computeHash, GENESIS_HASH, type ChainEntry } from '../server/platform/audit/chain.ts';
import type { DB } from '../server/platform/db/schema.ts';
import { loadOverviewCases, OVERVIEW_CASES } from './case-overview.ts';
import {
  createBenchTeam,
  describeRun,
  logIn,
  measureEndpoints,
  percentile,
  random,
  withBenchApp,
  type BenchUser,
} from './lib.ts';

const MUNICIPALITY = '101';
const AUDIT_ROWS = Number(process.env.TRAIL_AUDIT ?? 300_000);
const HEAVY_READS = Number(process.env.HEAVY_READS ?? 5_000);
const DISCLOSURES = Number(process.env.TRAIL_DISCLOSURES ?? 3_000);
const HEAVY_DISCLOSURES = 200;
const DAY = 86_400_000;
const SPAN = 730 * DAY;
const CHUNK = 1000;

interface Loaded {
  dpo: BenchUser;
  heavy: { id: string; cpr: string };
  typical: { id: string; cpr: string };
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

async function load(db: Kysely<DB>, secretKey: Buffer, auditKey: Buffer): Promise<Loaded> {
  const rnd = random(1313);
  const { ssp, team } = await createBenchTeam(db, secretKey, MUNICIPALITY, [
    ['bench.coordinator', ['coordinator']],
    ['bench.forum', ['forum_member']],
    ['bench.caseworker', ['caseworker']],
    ['bench.police', ['police_contact']],
    ['bench.mentor', ['mentor']],
    ['bench.leader', ['coordinator']],
    ['bench.dpo', ['data_protection']],
  ]);
  await seedStandardInterventions(db, MUNICIPALITY);
  const type = await db
    .selectFrom('intervention_types')
    .select('id')
    .where('municipality_code', '=', MUNICIPALITY)
    .executeTakeFirstOrThrow();
  const coordinator = team[0] as BenchUser;
  const overview = await loadOverviewCases(
    db,
    secretKey,
    MUNICIPALITY,
    coordinator.id,
    ssp,
    type.id,
  );
  const personOf = async (cpr: string) =>
    (
      await db
        .selectFrom('persons')
        .select('id')
        .where('cpr_digest', '=', cprDigest(secretKey, cpr))
        .executeTakeFirstOrThrow()
    ).id;
  const heavy = { id: await personOf(overview.cpr), cpr: overview.cpr };
  const citizens = await db
    .selectFrom('persons as p')
    .innerJoin('case_persons as cp', 'cp.person_id', 'p.id')
    .select(['p.id', 'cp.case_id'])
    .where('p.municipality_code', '=', MUNICIPALITY)
    .orderBy('p.id')
    .execute();
  const typicalRow = citizens.find((c) => c.id !== heavy.id) ?? citizens[0];
  const caseOf = new Map(citizens.map((c) => [c.id, c.case_id]));
  const actors = team.slice(0, 6);
  const now = Date.now();

  // Disclosures: spread over the citizens, HEAVY_DISCLOSURES of them about the heavy citizen.
  const disclosures = Array.from({ length: DISCLOSURES }, (_, i) => {
    const person =
      i < HEAVY_DISCLOSURES ? heavy.id : (citizens[Math.floor(rnd() * citizens.length)]?.id ?? '');
    const at = now - Math.floor(rnd() * SPAN);
    return {
      row: {
        id: randomUUID(),
        case_id: caseOf.get(person) ?? null,
        disclosed_on: isoDay(at),
        recipient_organisation:
          ['Demo Psykiatri, PSP', 'Kriminalforsorgen KSP', 'Demo Politi'][i % 3] ?? '',
        recipient_kind: ['psychiatry', 'prison_probation', 'police'][i % 3] ?? 'police',
        recipient_person: null,
        categories: ['case_history', 'plan'],
        documents: null,
        legal_basis: 'Retsplejeloven § 115 (PSP)',
        purpose: 'Kriminalitetsforebyggende samarbejde',
        decided_by: 'Tovholderen',
        channel: 'phone',
        recorded_by_hand: true,
        product_source: null,
        recorded_by: coordinator.id,
        recorded_at: new Date(at),
      },
      person,
    };
  });
  for (let i = 0; i < disclosures.length; i += CHUNK) {
    const chunk = disclosures.slice(i, i + CHUNK);
    await db
      .insertInto('disclosures')
      .values(chunk.map((d) => d.row))
      .execute();
    await db
      .insertInto('disclosure_persons')
      .values(chunk.map((d) => ({ disclosure_id: d.row.id, person_id: d.person })))
      .execute();
  }

  // The audit trail, oldest first, as one hash chain continuing the municipality's head.
  type Draft = Omit<ChainEntry, 'seq' | 'chainKey'>;
  const drafts: Draft[] = [];
  const reads = ['read', 'read', 'read', 'read', 'search', 'export', 'print'] as const;
  const other = ['create', 'update'] as const;
  for (let i = 0; i < AUDIT_ROWS; i++) {
    const person =
      i < HEAVY_READS ? heavy.id : (citizens[Math.floor(rnd() * citizens.length)]?.id ?? '');
    const actor = actors[Math.floor(rnd() * actors.length)] as BenchUser;
    const isRead = rnd() < 0.8;
    const action = isRead
      ? (reads[Math.floor(rnd() * reads.length)] ?? 'read')
      : (other[Math.floor(rnd() * other.length)] ?? 'update');
    drafts.push({
      occurredAt: new Date(now - 60_000 - Math.floor(rnd() * SPAN)),
      actorUserId: actor.id,
      actorRole: actor.roles[0] ?? null,
      actorUnitId: ssp,
      municipalityCode: MUNICIPALITY,
      action,
      resourceType: rnd() < 0.7 ? 'case' : 'person',
      resourceId: caseOf.get(person) ?? null,
      subjectPersonId: person,
      purpose: isRead ? (rnd() < 0.7 ? 'case_work' : 'case_list') : null,
      legalBasis: null,
      requestId: randomUUID(),
      breakGlass: rnd() < 0.002,
      details: {},
    });
  }
  for (const d of disclosures) {
    drafts.push({
      occurredAt: d.row.recorded_at,
      actorUserId: coordinator.id,
      actorRole: 'coordinator',
      actorUnitId: ssp,
      municipalityCode: MUNICIPALITY,
      action: 'disclose',
      resourceType: 'disclosure',
      resourceId: d.row.id,
      subjectPersonId: d.person,
      purpose: 'disclosure',
      legalBasis: d.row.legal_basis,
      requestId: randomUUID(),
      breakGlass: false,
      details: {},
    });
  }
  drafts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const head = await db
    .selectFrom('audit_chain_heads')
    .select(['last_seq', 'last_hash'])
    .where('chain_key', '=', MUNICIPALITY)
    .executeTakeFirst();
  if (head && head.last_seq > 0) throw new Error('the bench trail must start the chain');
  let prev = GENESIS_HASH;
  let seq = 0;
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const rows = drafts.slice(i, i + CHUNK).map((d) => {
      seq += 1;
      const entry: ChainEntry = { ...d, chainKey: MUNICIPALITY, seq };
      const hash = computeHash(auditKey, prev, entry);
      const row = {
        chain_key: MUNICIPALITY,
        seq,
        occurred_at: d.occurredAt,
        actor_user_id: d.actorUserId,
        actor_role: d.actorRole,
        actor_unit_id: d.actorUnitId,
        municipality_code: MUNICIPALITY,
        action: d.action,
        resource_type: d.resourceType,
        resource_id: d.resourceId,
        subject_person_id: d.subjectPersonId,
        purpose: d.purpose,
        legal_basis: d.legalBasis,
        request_id: d.requestId,
        break_glass: d.breakGlass,
        details: JSON.stringify(d.details),
        prev_hash: prev,
        hash,
      };
      prev = hash;
      return row;
    });
    await db.insertInto('audit_log').values(rows).execute();
  }
  await sql`insert into audit_chain_heads (chain_key, last_seq, last_hash)
    values (${MUNICIPALITY}, ${seq}, ${prev})
    on conflict (chain_key) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash`.execute(
    db,
  );
  const dpo = team[6] as BenchUser;
  // The typical citizen's CPR number is not known here (only its digest): found by id instead.
  return { dpo, heavy, typical: { id: typicalRow?.id ?? '', cpr: '' } };
}

/** p95 of the view's two statements straight on the database, for the ratio. */
async function rawTimes(db: Kysely<DB>, filter: TrailFilter, kind: 'all' | 'read' | 'disclosure') {
  const run = async () => {
    if (kind !== 'disclosure') await trailReads(db, filter);
    if (kind !== 'read') await trailDisclosures(db, filter);
  };
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_SEQUENTIAL ?? 200); i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return percentile(
    times.sort((a, b) => a - b),
    95,
  );
}

await withBenchApp(
  'citizen-trail',
  ({ database, keys }) => load(database.db, keys.secret, keys.audit),
  async (run) => {
    const { base, loaded, loadMs } = run;
    const headers = await logIn(base, loaded.dpo);
    const counts = await sql<{ audit: number; disclosures: number; heavy: number }>`
      select (select count(*) from audit_log)::int as audit,
             (select count(*) from disclosures)::int as disclosures,
             (select count(*) from audit_log where subject_person_id = ${loaded.heavy.id})::int as heavy`.execute(
      run.database.db,
    );
    const c = counts.rows[0];
    await describeRun(
      run,
      `cases=${OVERVIEW_CASES} audit=${c?.audit} disclosures=${c?.disclosures} heavyCitizenEntries=${c?.heavy}`,
      loadMs,
    );
    const TRAIL = '/api/disclosures/citizen-trail';
    const cpr = loaded.heavy.cpr;
    const from = isoDay(Date.now() - 90 * DAY);
    // Page 20 of the heavy citizen: walk the cursors once.
    let after: string | null = null;
    for (let i = 0; i < 19; i++) {
      const res: Response = await fetch(`${base}${TRAIL}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ cpr, ...(after && { after }) }),
      });
      after = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    }
    const p95 = await measureEndpoints(run, headers, [
      ['trail: heavy citizen by CPR, page 1', TRAIL, { cpr }],
      ['trail: heavy, reads only', TRAIL, { cpr, kind: 'read' }],
      ['trail: heavy, disclosures only', TRAIL, { cpr, kind: 'disclosure' }],
      ['trail: heavy, last 90 days', TRAIL, { cpr, from }],
      ['trail: heavy, page 20', TRAIL, { cpr, after }],
      ['trail: typical citizen by id', TRAIL, { personId: loaded.typical.id }],
    ]);
    const base_ = {
      municipalityCode: MUNICIPALITY,
      personIds: [loaded.heavy.id],
      after: null,
      limit: 50,
    };
    const decoded = after
      ? (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { t: string; k: string })
      : null;
    const raw: [string, TrailFilter, 'all' | 'read' | 'disclosure'][] = [
      ['trail: heavy citizen by CPR, page 1', base_, 'all'],
      ['trail: heavy, reads only', base_, 'read'],
      ['trail: heavy, disclosures only', base_, 'disclosure'],
      ['trail: heavy, last 90 days', { ...base_, from }, 'all'],
      ['trail: heavy, page 20', { ...base_, after: decoded }, 'all'],
      ['trail: typical citizen by id', { ...base_, personIds: [loaded.typical.id] }, 'all'],
    ];
    console.log('request p95 against its two statements straight on the database');
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    for (const [label, filter, kind] of raw) {
      if (only && !only.test(label)) continue;
      const sqlP95 = await rawTimes(run.database.db, filter, kind);
      const requestP95 = p95.get(label) ?? 0;
      console.log(
        `  ${label.padEnd(40)} request ${requestP95.toFixed(1)} ms  statements ${sqlP95.toFixed(1)} ms  ratio ${(requestP95 / sqlP95).toFixed(1)}`,
      );
    }
    if (process.env.BENCH_EXPLAIN) {
      const explain = async (label: string, query: ReturnType<typeof sql>) => {
        const plan = await sql<{
          'QUERY PLAN': string;
        }>`explain (analyze, buffers) ${query}`.execute(run.database.db);
        console.log(`${label}:`);
        for (const r of plan.rows) console.log(`  ${r['QUERY PLAN']}`);
      };
      const reads = (period: boolean) => sql`select a.id from audit_log a
         where a.subject_person_id in (${loaded.heavy.id}) and a.municipality_code = ${MUNICIPALITY}
           and a.action in ('read','search','export','print','break_glass')
           ${period ? sql`and a.occurred_at >= (${from}::date)::timestamp at time zone 'Europe/Copenhagen'` : sql``}
         order by a.occurred_at desc, a.id desc limit 51`;
      await explain('reads, page 1', reads(false));
      await explain('reads, last 90 days', reads(true));
      await explain(
        'disclosures, page 1',
        sql`select d.id from disclosures d
          join disclosure_persons dp on dp.disclosure_id = d.id and dp.municipality_code = d.municipality_code
         where d.municipality_code = ${MUNICIPALITY} and dp.person_id in (${loaded.heavy.id})
         order by least(d.recorded_at, ((d.disclosed_on + 1)::timestamp at time zone 'Europe/Copenhagen') - interval '1 millisecond') desc,
                  ('d' || d.id::text) collate "C" desc limit 51`,
      );
    }
  },
);
