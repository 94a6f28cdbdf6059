/**
 * The case overview at scale (issue 12), for bench/cases.ts: OVERVIEW_CASES cases the bench
 * coordinator coordinates, each with a citizen (CPR number and its digest, as the intake stores
 * them), three follow-ups (one held with a concern change, one scheduled — about a fifth of them
 * overdue — and one cancelled), and every other case an open intervention with two sessions.
 * Multi-row INSERTs of 1,000 rows. `rawOverviewTimes` times the overview's own statement straight
 * on the database, for the ratio of a request to the SQL behind it.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../server/access/sessions.ts';
import { danishToday } from '../server/modules/cases/chronology.ts';
import { classifySearch } from '../server/modules/cases/overview.ts';
import { overviewPage, type OverviewQuery } from '../server/modules/cases/queries-overview.ts';
import { cprDigest } from '../server/modules/persons/service.ts';
import type { DB } from '../server/platform/db/schema.ts';
import { percentile, random } from './lib.ts';

export const OVERVIEW_CASES = Number(process.env.BENCH_OVERVIEW_CASES ?? 10_000);
const DAY = 86_400_000;
const CHUNK = 1000;
const GIVEN = ['Mira', 'Jonas', 'Amina', 'Frederik', 'Sofie', 'Ali', 'Emma', 'Noah', 'Ida', 'Omar'];
const FAMILY = ['Hansen', 'Østergaard', 'Lykke', 'Vang', 'Nielsen', 'Khan', 'Holm', 'Berg'];

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** A CPR number for the n-th citizen: a real date in 2005–2012, sequence number from n. */
function cprOf(n: number): string {
  const d = new Date(Date.UTC(2005, 0, 1) + (n % 2900) * DAY);
  const ddmmyy = `${String(d.getUTCDate()).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
  return `${ddmmyy}4${String(n % 1000).padStart(3, '0')}`;
}

export interface OverviewLoad {
  /** A citizen's CPR number and name to search for (the last case loaded). */
  cpr: string;
  name: string;
}

export async function loadOverviewCases(
  db: Kysely<DB>,
  secretKey: Buffer,
  municipalityCode: string,
  coordinatorId: string,
  unitId: string,
  interventionTypeId: string,
): Promise<OverviewLoad> {
  const rnd = random(12);
  const now = Date.now();
  const cases = Array.from({ length: OVERVIEW_CASES }, (_, i) => ({
    id: randomUUID(),
    municipality_code: municipalityCode,
    reference: `S-2025-${String(i + 1).padStart(5, '0')}`,
    opened_at: new Date(now - (OVERVIEW_CASES - i) * 3_600_000),
    status: rnd() < 0.8 ? 'active' : 'on_hold',
    concern_level: ['low', 'moderate', 'high'][Math.floor(rnd() * 3)] ?? 'moderate',
  }));
  await insertChunks(cases, (c) => db.insertInto('cases').values(c).execute());
  await insertChunks(
    cases.map((c) => ({
      case_id: c.id,
      user_id: coordinatorId,
      role: 'coordinator',
      unit_id: unitId,
    })),
    (c) => db.insertInto('case_members').values(c).execute(),
  );
  const citizens = cases.map((c, i) => ({
    id: randomUUID(),
    municipality_code: municipalityCode,
    given_name: GIVEN[i % GIVEN.length] ?? 'Mira',
    family_name: `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] ?? 'Hansen'}${i}`,
    birth_date: '2008-01-01',
    cpr_digest: cprDigest(secretKey, cprOf(i)),
  }));
  await insertChunks(citizens, (c) => db.insertInto('persons').values(c).execute());
  await insertChunks(
    cases.map((c, i) => ({ case_id: c.id, person_id: citizens[i]?.id ?? '', role: 'citizen' })),
    (c) => db.insertInto('case_persons').values(c).execute(),
  );
  const followUps = cases.flatMap((c) => {
    const next = now + Math.floor(rnd() * 60 - 12) * DAY;
    const held = now - Math.floor(rnd() * 90 + 1) * DAY;
    return [
      { case_id: c.id, due_on: isoDay(next) },
      {
        case_id: c.id,
        due_on: isoDay(held),
        status: 'done',
        held_on: isoDay(held),
        concern_level: c.concern_level,
        concern_change: ['up', 'same', 'down'][Math.floor(rnd() * 3)] ?? 'same',
        recorded_at: new Date(held),
        goal_progress: '[]',
      },
      { case_id: c.id, due_on: isoDay(held - 30 * DAY), status: 'cancelled' },
    ];
  });
  await insertChunks(followUps, (c) => db.insertInto('case_follow_ups').values(c).execute());
  const interventions = cases
    .filter((_, i) => i % 2 === 0)
    .map((c, i) => ({
      id: randomUUID(),
      case_id: c.id,
      intervention_type_id: interventionTypeId,
      person_id: citizens[i * 2]?.id ?? '',
      status: 'active',
      created_by: coordinatorId,
    }));
  await insertChunks(interventions, (c) => db.insertInto('case_interventions').values(c).execute());
  const sessions = interventions.flatMap((iv) =>
    [1, 2].map((k) => ({
      intervention_id: iv.id,
      held_on: isoDay(now - Math.floor(rnd() * 120 + k) * DAY),
      note: 'Bench: samtale.',
      author_user_id: coordinatorId,
    })),
  );
  await insertChunks(sessions, (c) => db.insertInto('intervention_sessions').values(c).execute());
  // The citizen was told of the processing in 19 cases of 20 (a municipality's steady state): the
  // rest are the work list's "case without notice" tasks.
  const notices = cases
    .map((c, i) => ({ c, citizen: citizens[i] }))
    .filter((_, i) => i % 20 !== 0)
    .map(({ c, citizen }) => ({
      id: randomUUID(),
      case_id: c.id,
      municipality_code: municipalityCode,
      person_id: citizen?.id ?? '',
      outcome: 'informed',
      method: 'letter',
      given_on: isoDay(c.opened_at.getTime() + 3 * DAY),
      recorded_by: coordinatorId,
    }));
  await insertChunks(notices, (c) => db.insertInto('case_notices').values(c).execute());
  const last = citizens.at(-1);
  return { cpr: cprOf(OVERVIEW_CASES - 1), name: `${last?.given_name} ${last?.family_name}` };
}

/** One overview request for the raw timing: its sort, filters, search text and cursor. */
export interface RawVariant {
  label: string;
  query?: Partial<Pick<OverviewQuery, 'sort' | 'overdue' | 'concernLevel' | 'reference'>>;
  text?: string;
  /** The keyset cursor of a later page, as the service decodes it. */
  cursor?: { k: string; id: string };
}

/**
 * p95 of the overview's own statement run straight on the database, `times` times, for each
 * variant (the same rows the endpoints answer).
 */
export async function rawOverviewTimes(
  db: Kysely<DB>,
  secretKey: Buffer,
  user: CurrentUser,
  variants: readonly RawVariant[],
  times = Number(process.env.BENCH_SEQUENTIAL ?? 200),
): Promise<Map<string, number>> {
  const today = danishToday(new Date());
  const result = new Map<string, number>();
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  for (const { label, query, text, cursor } of variants) {
    if (only && !only.test(label)) continue;
    const found = text ? classifySearch(text, secretKey) : {};
    const run = () =>
      overviewPage(db, user, {
        sort: 'opened',
        limit: 50,
        today,
        cursor: cursor ?? null,
        ...query,
        ...found,
      });
    for (let i = 0; i < 20; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    result.set(
      label,
      percentile(
        samples.sort((a, b) => a - b),
        95,
      ),
    );
  }
  return result;
}
