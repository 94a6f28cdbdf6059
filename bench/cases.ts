/**
 * Benchmark of the case page with a long history: one case with 500 chronology events (notes,
 * status changes, assessments, plan changes, interventions, follow-ups), three persons, a team of
 * six, three assessment versions, two plan versions, three interventions with 60 session notes,
 * twelve follow-ups and a re-opened offer, among 200 other cases of the same coordinator. A
 * logged-in coordinator (password + TOTP through the real endpoints) reads every tab of the case
 * and the case summary PDF; every read writes its audit entries, as in production. The case
 * overview is measured over BENCH_OVERVIEW_CASES (10,000) more cases of the same coordinator
 * (bench/case-overview.ts): the first page, sorted by next follow-up (pages 1 and 2), filtered,
 * and searched by reference, name and CPR number, each with the p95 of its own statement run
 * straight on the database.
 *
 *   npm run bench:cases                            # a throwaway PostgreSQL (initdb, temp dir)
 *   DATABASE_URL=postgres://… npm run bench:cases  # an existing, empty, throwaway database
 *   BENCH_ENGINE=pglite npm run bench:cases        # PGlite in a temp dir
 *
 * BENCH_EVENTS (500), BENCH_DURATION_S (10), BENCH_CONNECTIONS (10), BENCH_SEQUENTIAL (500) and
 * BENCH_ONLY (a pattern of the endpoint labels to measure)
 * change the load.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { refreshNextFollowUpsOfMunicipality } from '../server/modules/cases/queries-case-rows.ts';
import { CaseEventKindSchema } from '../server/modules/cases/schema.ts';
import { seedStandardInterventions } from '../server/modules/interventions/catalogue-seed.ts';
import type { DB } from '../server/platform/db/schema.ts';
import {
  loadOverviewCases,
  OVERVIEW_CASES,
  rawOverviewTimes,
  type OverviewLoad,
} from './case-overview.ts';
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

const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const OTHER_CASES = 200;
const MUNICIPALITY = '101';
const DAY = 86_400_000;

interface Loaded {
  coordinator: BenchUser;
  caseId: string;
  overview: OverviewLoad;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

async function load(db: Kysely<DB>, secretKey: Buffer): Promise<Loaded> {
  const rnd = random(2026);
  const { ssp, team } = await createBenchTeam(db, secretKey, MUNICIPALITY, [
    ['bench.coordinator', ['coordinator']],
    ['bench.forum1', ['forum_member']],
    ['bench.forum2', ['forum_member']],
    ['bench.caseworker', ['caseworker']],
    ['bench.police', ['police_contact']],
    ['bench.mentor', ['mentor']],
  ]);
  await seedStandardInterventions(db, MUNICIPALITY);
  const [coordinator, , , caseworker, , mentor] = team as [
    BenchUser,
    BenchUser,
    BenchUser,
    BenchUser,
    BenchUser,
    BenchUser,
  ];
  const now = Date.now();
  const opened = now - 400 * DAY;
  const types = await db
    .selectFrom('intervention_types')
    .select(['id', 'code'])
    .where('municipality_code', '=', MUNICIPALITY)
    .execute();
  const typeOf = (code: string) => types.find((t) => t.code === code)?.id ?? types[0]?.id ?? '';

  // The other cases of the coordinator (the list and the access check see them).
  const caseRows = [];
  for (let i = 0; i <= OTHER_CASES; i++) {
    caseRows.push({
      id: randomUUID(),
      municipality_code: MUNICIPALITY,
      reference: `S-2026-${String(i + 1).padStart(4, '0')}`,
      opened_at: new Date(opened + i * 3_600_000),
      extremism_form: 'right_wing',
      concern_summary: 'Bench: bekymringen.',
      work_summary: 'Bench: arbejdet med borgeren.',
      concern_level: 'moderate',
    });
  }
  await db.insertInto('cases').values(caseRows).execute();
  const caseId = caseRows[0]?.id ?? '';
  await db
    .insertInto('case_members')
    .values(
      caseRows.map((c) => ({
        case_id: c.id,
        user_id: coordinator.id,
        role: 'coordinator',
        unit_id: ssp,
      })),
    )
    .execute();
  await db
    .insertInto('case_members')
    .values(
      team.slice(1).map((u, i) => ({
        case_id: caseId,
        user_id: u.id,
        role: i < 2 ? 'forum' : 'member',
        scope: u.id === mentor.id ? 'intervention' : 'full',
        unit_id: ssp,
      })),
    )
    .execute();
  const persons = ['citizen', 'parent', 'younger_sibling'].map((role, i) => ({
    id: randomUUID(),
    role,
    municipality_code: MUNICIPALITY,
    given_name: `Bench${i + 1} Demo`,
    family_name: 'Nielsen',
    birth_date: ['2010-05-02', '1978-09-17', '2013-01-23'][i] ?? null,
  }));
  await db
    .insertInto('persons')
    .values(persons.map(({ role: _role, ...p }) => p))
    .execute();
  await db
    .insertInto('case_persons')
    .values(persons.map((p) => ({ case_id: caseId, person_id: p.id, role: p.role })))
    .execute();
  // One citizen for each other case, so the case list has names to audit.
  const citizens = caseRows.slice(1).map((c, i) => ({
    id: randomUUID(),
    municipality_code: MUNICIPALITY,
    given_name: `Bench${i + 10} Demo`,
    family_name: 'Hansen',
    birth_date: '2005-01-01',
    caseId: c.id,
  }));
  await db
    .insertInto('persons')
    .values(citizens.map(({ caseId: _c, ...p }) => p))
    .execute();
  await db
    .insertInto('case_persons')
    .values(citizens.map((p) => ({ case_id: p.caseId, person_id: p.id, role: 'citizen' })))
    .execute();

  // The chronology: EVENTS events over 400 days, a quarter of them notes.
  const kinds = CaseEventKindSchema.options.filter((k) => k !== 'note');
  const events = [];
  for (let i = 0; i < EVENTS; i++) {
    const note = rnd() < 0.25;
    events.push({
      case_id: caseId,
      occurred_at: new Date(opened + (i / EVENTS) * 399 * DAY),
      actor_user_id: team[Math.floor(rnd() * 4)]?.id ?? coordinator.id,
      kind: note ? 'note' : (kinds[Math.floor(rnd() * kinds.length)] ?? 'opened'),
      changes: JSON.stringify(note ? {} : { status: { from: 'active', to: 'on_hold' } }),
      note_text: note ? `Bench-notat ${i + 1}: samtale med borgeren og familien om skolen.` : null,
      compartment: note && rnd() < 0.2,
    });
  }
  await db.insertInto('case_events').values(events).execute();

  // Case work behind the tabs.
  const dims = JSON.stringify({
    convictions_rhetoric: { risk: 'Bench: holdninger.', wellbeing: 'Bench: nysgerrig.' },
    family: { risk: 'Bench: familien.', wellbeing: 'Bench: engageret far.' },
  });
  let basedOn: string | null = null;
  for (let n = 1; n <= 3; n++) {
    const id = randomUUID();
    await db
      .insertInto('case_assessments')
      .values({
        id,
        case_id: caseId,
        number: n,
        based_on_id: basedOn,
        status: n === 3 ? 'final' : 'superseded',
        dimensions: dims,
        risk_factors: JSON.stringify(['Isolation', 'Fravær']),
        protective_factors: JSON.stringify(['Fodbold', 'Far']),
        overall_judgement: 'Bench: samlet vurdering.',
        concern_level: 'moderate',
        created_by: coordinator.id,
        created_at: new Date(opened + n * 60 * DAY),
        updated_at: new Date(opened + n * 60 * DAY),
        finalised_by: coordinator.id,
        finalised_at: new Date(opened + n * 60 * DAY),
      })
      .execute();
    basedOn = id;
  }
  const goalKey = randomUUID();
  const goals = JSON.stringify([
    {
      key: goalKey,
      parentKey: null,
      text: 'Går i skole hver dag',
      responsible: { userId: caseworker.id },
      targetDate: isoDay(now + 60 * DAY),
      status: 'in_progress',
    },
    {
      key: randomUUID(),
      parentKey: goalKey,
      text: 'Fravær under 10 %',
      responsible: { name: 'Borgeren' },
      targetDate: isoDay(now + 30 * DAY),
      status: 'in_progress',
    },
  ]);
  let planId = '';
  for (let n = 1; n <= 2; n++) {
    planId = randomUUID();
    await db
      .insertInto('case_plans')
      .values({
        id: planId,
        case_id: caseId,
        number: n,
        status: n === 2 ? 'approved' : 'superseded',
        purpose: 'Bench: formålet.',
        goals,
        agreements: JSON.stringify(['Ringer til mentoren ved fravær.']),
        starts_on: isoDay(opened + 30 * DAY),
        ends_on: isoDay(now + 180 * DAY),
        follow_up_interval_days: 30,
        created_by: caseworker.id,
        created_at: new Date(opened + n * 90 * DAY),
        updated_at: new Date(opened + n * 90 * DAY),
        decided_by: coordinator.id,
        decided_at: new Date(opened + n * 90 * DAY),
      })
      .execute();
  }
  const interventions = ['mentor_programme', 'parent_coach', 'mentor_programme'].map((code, i) => ({
    id: randomUUID(),
    case_id: caseId,
    intervention_type_id: typeOf(code),
    person_id: persons[i]?.id ?? '',
    provider_user_id: i === 1 ? null : mentor.id,
    provider_name: i === 1 ? 'Bench Forældrecoach' : null,
    status: 'active',
    starts_on: isoDay(opened + 40 * DAY),
    created_by: coordinator.id,
  }));
  await db.insertInto('case_interventions').values(interventions).execute();
  await db
    .insertInto('intervention_sessions')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        intervention_id: interventions[i % 3]?.id ?? '',
        held_on: isoDay(opened + (50 + i * 5) * DAY),
        note: `Bench-sessionsnotat ${i + 1}.`,
        author_user_id: mentor.id,
      })),
    )
    .execute();
  await db
    .insertInto('case_follow_ups')
    .values(
      Array.from({ length: 12 }, (_, i) => {
        const due = opened + (60 + i * 30) * DAY;
        const done = due < now;
        return {
          case_id: caseId,
          plan_id: planId,
          due_on: isoDay(due),
          status: done ? 'done' : 'scheduled',
          held_on: done ? isoDay(due) : null,
          concern_level: done ? 'moderate' : null,
          concern_change: done ? 'same' : null,
          goal_progress: JSON.stringify(
            done ? [{ goalKey, status: 'in_progress', note: null }] : [],
          ),
          competences: done ? JSON.stringify({ network: 2, frames: 3, focus: 2 }) : null,
          recorded_by: done ? coordinator.id : null,
          recorded_at: done ? new Date(due) : null,
        };
      }),
    )
    .execute();
  const overview = await loadOverviewCases(
    db,
    secretKey,
    MUNICIPALITY,
    coordinator.id,
    ssp,
    typeOf('mentor_programme'),
  );
  // Loaded straight into the tables: each case's next due follow-up, as the follow-ups keep it.
  await refreshNextFollowUpsOfMunicipality(db, MUNICIPALITY);
  return { coordinator, caseId, overview };
}

await withBenchApp(
  'cases',
  ({ database, keys }) => load(database.db, keys.secret),
  async (run) => {
    const { base, loaded, loadMs } = run;
    const headers = await logIn(base, loaded.coordinator);
    const id = loaded.caseId;
    await describeRun(run, `events=${EVENTS} cases=${OTHER_CASES + 1 + OVERVIEW_CASES}`, loadMs);
    const { cpr, name } = loaded.overview;
    // The second page of the next-follow-up sort walks the index from page 1's keyset cursor.
    const first = await getJson<{
      items: { id: string; nextFollowUpOn: string | null }[];
      nextCursor: string | null;
    }>(base, headers, '/api/cases?sort=nextFollowUp');
    const lastOfFirst = first.items.at(-1);
    const cursor = { k: lastOfFirst?.nextFollowUpOn ?? '9999-12-31', id: lastOfFirst?.id ?? '' };
    const p95 = await measureEndpoints(run, headers, [
      ['GET /api/cases/:id', `/api/cases/${id}`],
      ['GET /api/cases/:id/chronology (page 1)', `/api/cases/${id}/chronology`],
      ['GET /api/cases/:id/chronology?kind=note', `/api/cases/${id}/chronology?kind=note`],
      ['GET /api/cases/:id/assessments', `/api/cases/${id}/assessments`],
      ['GET /api/cases/:id/plans', `/api/cases/${id}/plans`],
      ['GET /api/cases/:id/interventions', `/api/cases/${id}/interventions`],
      ['GET /api/cases/:id/follow-ups', `/api/cases/${id}/follow-ups`],
      ['GET /api/cases/:id/closure', `/api/cases/${id}/closure`],
      ['GET /api/cases/:id/summary.pdf', `/api/cases/${id}/summary.pdf`],
      ['GET /api/cases (page 1)', '/api/cases'],
      ['GET /api/cases?sort=nextFollowUp', '/api/cases?sort=nextFollowUp'],
      [
        'GET /api/cases?sort=nextFollowUp (page 2)',
        `/api/cases?sort=nextFollowUp&after=${first.nextCursor ?? ''}`,
      ],
      [
        'GET /api/cases?overdue=true&concernLevel=high',
        '/api/cases?overdue=true&concernLevel=high',
      ],
      ['GET /api/cases?reference=S-2025-099', '/api/cases?reference=S-2025-099'],
      ['POST /api/cases/search (name)', '/api/cases/search', { text: name }],
      ['POST /api/cases/search (CPR)', '/api/cases/search', { text: cpr }],
      ['GET /api/tasks', '/api/tasks'],
    ]);
    const raw = await rawOverviewTimes(run.database.db, run.keys.secret, loaded.coordinator, [
      { label: 'GET /api/cases (page 1)' },
      { label: 'GET /api/cases?sort=nextFollowUp', query: { sort: 'nextFollowUp' } },
      {
        label: 'GET /api/cases?sort=nextFollowUp (page 2)',
        query: { sort: 'nextFollowUp' },
        cursor,
      },
      {
        label: 'GET /api/cases?overdue=true&concernLevel=high',
        query: { overdue: true, concernLevel: 'high' },
      },
      { label: 'GET /api/cases?reference=S-2025-099', query: { reference: 'S-2025-099' } },
      { label: 'POST /api/cases/search (name)', text: name },
      { label: 'POST /api/cases/search (CPR)', text: cpr },
    ]);
    console.log('overview: request p95 against its own statement straight on the database');
    for (const [label, sqlP95] of raw) {
      const requestP95 = p95.get(label) ?? 0;
      console.log(
        `  ${label.padEnd(46)} request ${requestP95.toFixed(1)} ms  statement ${sqlP95.toFixed(1)} ms  ratio ${(requestP95 / sqlP95).toFixed(1)}`,
      );
    }
  },
);
