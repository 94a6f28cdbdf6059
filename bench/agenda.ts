/**
 * Benchmark of the agenda builder (issue 14 part 3): one forum of municipality 101 with
 * BENCH_AGENDA_CASES (500) open cases — each with a citizen and a follow-up due somewhere in
 * the next ±60 days (about half due before the next meeting), one in ten on hold for 4–20 weeks
 * (its chronology says since when) — plus 100 closed cases with a 6- or 12-month re-review
 * scheduled and 60 undecided inquiries handed to the forum, all coordinated by the bench
 * coordinator, who chairs a meeting tomorrow (a monthly forum; re-reviews at meetings on). The
 * meeting's agenda holds 20 items. A logged-in coordinator (password + TOTP through the real
 * endpoints) asks for the proposals and the agenda; every proposal and every item shown writes
 * its audit entry, as in production. The builder's two statements are also run straight on the
 * database (p95), for the ratio of the request to the SQL behind it.
 *
 *   npx tsx bench/agenda.ts                            # a throwaway PostgreSQL (initdb, temp dir)
 *   DATABASE_URL=postgres://… npx tsx bench/agenda.ts  # an existing, empty, throwaway database
 *   BENCH_ENGINE=pglite npx tsx bench/agenda.ts        # PGlite in a temp dir
 *
 * BENCH_AGENDA_CASES (500), BENCH_DURATION_S (10), BENCH_CONNECTIONS (10), BENCH_SEQUENTIAL (500)
 * and BENCH_ONLY change the load.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { danishToday } from '../server/modules/cases/chronology.ts';
import { addDays } from '../server/modules/closure/dates.ts';
import { proposalWindow } from '../server/modules/meetings/agenda-proposals.ts';
import {
  builderFacts,
  caseCandidates,
  forumInquiries,
} from '../server/modules/meetings/queries-agenda-proposals.ts';
import type { DB } from '../server/platform/db/schema.ts';
import {
  createBenchTeam,
  describeRun,
  logIn,
  measureEndpoints,
  percentile,
  random,
  SEQUENTIAL,
  withBenchApp,
  type BenchUser,
} from './lib.ts';

const CASES = Number(process.env.BENCH_AGENDA_CASES ?? 500);
const CLOSED = 100;
const INQUIRIES = 60;
const MUNICIPALITY = '101';
const DAY = 86_400_000;
const CHUNK = 1000;

interface Loaded {
  coordinator: BenchUser;
  meetingId: string;
  forumId: string;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function load(db: Kysely<DB>, secretKey: Buffer): Promise<Loaded> {
  const rnd = random(14);
  const { ssp, team } = await createBenchTeam(db, secretKey, MUNICIPALITY, [
    ['bench.coordinator', ['coordinator']],
    ['bench.forum1', ['forum_member']],
  ]);
  const [coordinator, member] = team as [BenchUser, BenchUser];
  await db
    .insertInto('municipality_settings')
    .values({ municipality_code: MUNICIPALITY, re_review_at_meetings: true })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ re_review_at_meetings: true }))
    .execute();
  const forum = await db
    .insertInto('forums')
    .values({
      municipality_code: MUNICIPALITY,
      name: 'Bench-forum',
      kind: 'forum',
      cadence: 'monthly',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forum_members')
    .values([coordinator.id, member.id].map((user_id) => ({ forum_id: forum.id, user_id })))
    .execute();
  const now = Date.now();
  const today = danishToday(new Date(now));
  const total = CASES + CLOSED;
  const cases = Array.from({ length: total }, (_, i) => {
    const closed = i >= CASES;
    const onHold = !closed && i % 10 === 0;
    return {
      id: randomUUID(),
      municipality_code: MUNICIPALITY,
      reference: `S-2026-${String(i + 1).padStart(5, '0')}`,
      opened_at: new Date(now - (total - i) * 3_600_000),
      forum_id: forum.id,
      status: closed ? 'closed' : onHold ? 'on_hold' : 'active',
      concern_level: ['low', 'moderate', 'high'][Math.floor(rnd() * 3)] ?? 'moderate',
      extremism_form: 'right_wing',
      next_follow_up_due: closed ? null : addDays(today, Math.floor(rnd() * 120) - 60),
      closed_at: closed ? new Date(now - 170 * DAY) : null,
    };
  });
  await insertChunks(cases, (c) => db.insertInto('cases').values(c).execute());
  await insertChunks(
    cases.map((c) => ({
      case_id: c.id,
      user_id: coordinator.id,
      role: 'coordinator',
      unit_id: ssp,
    })),
    (c) => db.insertInto('case_members').values(c).execute(),
  );
  const citizens = cases.map((c, i) => ({
    id: randomUUID(),
    municipality_code: MUNICIPALITY,
    given_name: 'Bench',
    family_name: `Borger${i}`,
    birth_date: '2008-01-01',
  }));
  await insertChunks(citizens, (c) => db.insertInto('persons').values(c).execute());
  await insertChunks(
    cases.map((c, i) => ({ case_id: c.id, person_id: citizens[i]?.id ?? '', role: 'citizen' })),
    (c) => db.insertInto('case_persons').values(c).execute(),
  );
  const holds = cases
    .filter((c) => c.status === 'on_hold')
    .map((c) => ({
      case_id: c.id,
      occurred_at: new Date(now - Math.floor(4 + rnd() * 16) * 7 * DAY),
      actor_user_id: coordinator.id,
      kind: 'status_changed',
      changes: JSON.stringify({ status: { from: 'active', to: 'on_hold' } }),
    }));
  await insertChunks(holds, (c) => db.insertInto('case_events').values(c).execute());
  const closedCases = cases.filter((c) => c.status === 'closed');
  const closures = closedCases.map((c) => ({
    id: randomUUID(),
    case_id: c.id,
    outcome: 'handled',
    reason: 'Bench: afsluttet.',
    status: 'approved',
    proposed_by: coordinator.id,
  }));
  await insertChunks(closures, (c) => db.insertInto('case_closures').values(c).execute());
  await insertChunks(
    closures.map((c, i) => ({
      case_id: c.case_id,
      closure_id: c.id,
      months: i % 2 === 0 ? 6 : 12,
      due_on: addDays(today, Math.floor(rnd() * 90) - 30),
    })),
    (c) => db.insertInto('case_reviews').values(c).execute(),
  );
  const inquiries = Array.from({ length: INQUIRIES }, (_, i) => ({
    municipality_code: MUNICIPALITY,
    reference: `H-2026-${String(i + 1).padStart(5, '0')}`,
    source: 'teacher',
    channel: 'phone',
    received_at: new Date(now - i * 3_600_000),
    observation: 'Bench: bekymring.',
    subject_kind: 'person',
    deadline_at: new Date(now + (i % 10) * DAY),
    forum_id: forum.id,
    status: 'triaged',
    created_by: coordinator.id,
  }));
  await insertChunks(inquiries, (c) => db.insertInto('inquiries').values(c).execute());
  const meetingId = randomUUID();
  const tomorrow = addDays(today, 1);
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      municipality_code: MUNICIPALITY,
      forum_id: forum.id,
      meeting_type: 'forum',
      starts_at: `${tomorrow}T09:00:00+01:00`,
      ends_at: `${tomorrow}T11:00:00+01:00`,
      chair_user_id: coordinator.id,
      created_by: coordinator.id,
    })
    .execute();
  await db
    .insertInto('meeting_agenda_items')
    .values(
      cases.slice(0, 20).map((c, i) => ({
        id: randomUUID(),
        municipality_code: MUNICIPALITY,
        meeting_id: meetingId,
        position: i + 1,
        kind: 'case',
        case_id: c.id,
        created_by: coordinator.id,
      })),
    )
    .execute();
  return { coordinator, meetingId, forumId: forum.id };
}

/** p95 of the builder's own statements (the facts, the inquiries, the cases) straight on the database. */
async function rawBuilderP95(db: Kysely<DB>, loaded: Loaded): Promise<number> {
  const run = async () => {
    const facts = await builderFacts(db, MUNICIPALITY, loaded.meetingId);
    if (!facts) throw new Error('no meeting');
    const { until } = proposalWindow(facts);
    await forumInquiries(db, loaded.coordinator, MUNICIPALITY, loaded.forumId);
    return caseCandidates(db, loaded.coordinator, MUNICIPALITY, {
      scope: { kind: 'forum', forumId: loaded.forumId },
      until,
      followUps: true,
      onHold: true,
      plans: false,
      reReviews: true,
    });
  };
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    95,
  );
}

await withBenchApp(
  'agenda',
  (run) => load(run.database.db, run.keys.secret),
  async (run) => {
    const { loaded } = run;
    await describeRun(run, `cases=${CASES}+${CLOSED} inquiries=${INQUIRIES}`, run.loadMs);
    const headers = await logIn(run.base, loaded.coordinator);
    const proposals = `/api/meetings/${loaded.meetingId}/agenda/proposals`;
    const count = (await (await fetch(`${run.base}${proposals}`, { headers })).json()) as {
      items: unknown[];
    };
    console.log(`proposals per request: ${count.items.length}`);
    const p95 = await measureEndpoints(run, headers, [
      ['GET /api/meetings/:id/agenda/proposals', proposals],
      ['GET /api/meetings/:id/agenda (20 items)', `/api/meetings/${loaded.meetingId}/agenda`],
    ]);
    const raw = await rawBuilderP95(run.database.db, loaded);
    const request = p95.get('GET /api/meetings/:id/agenda/proposals') ?? 0;
    console.log(
      `proposals: request p95 ${request.toFixed(1)} ms, its SQL straight on the database p95 ${raw.toFixed(1)} ms, ratio ${(request / raw).toFixed(1)}`,
    );
  },
);
