import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { encryptField } from '../../platform/crypto.ts';
import { cprContext } from '../../modules/persons/queries.ts';
import { cprDigest } from '../../modules/persons/service.ts';
import {
  ago,
  dayAgo,
  demoContext,
  hasMarker,
  insertDemoCitizenCase,
  setMarker,
  type Ctx,
} from './context.ts';

/**
 * Four more fictional cases, so the case overview's filters, sorts and search show something
 * (issue 12): an overdue follow-up with rising concern (Emma, searchable by her fictional CPR
 * number 1204090000), a falling concern with two coordinators (Noah), a new high-concern case of
 * demo.tovholder2 that demo.forum sees (Ida), and a case on hold without a follow-up (Omar).
 * Added once (a marker in app_settings), also to demo installations seeded before.
 */
const MARKER = 'demo_overview_cases_seeded_at';

interface OverviewCase {
  given: string;
  family: string;
  birth: string;
  cpr: string | null;
  status: 'active' | 'on_hold';
  level: 'low' | 'moderate' | 'high';
  openedDaysAgo: number;
  members: [string, 'coordinator' | 'forum'][];
  /** Days ahead of the next scheduled follow-up (negative: overdue); null for none. */
  nextInDays: number | null;
  /** The latest held follow-up: days ago and its concern change. */
  held: [number, 'up' | 'same' | 'down'] | null;
}

const CASES: OverviewCase[] = [
  {
    given: 'Emma Demo',
    family: 'Holm',
    birth: '2009-04-12',
    cpr: '1204090000',
    status: 'active',
    level: 'moderate',
    openedDaysAgo: 120,
    members: [['demo.tovholder', 'coordinator']],
    nextInDays: -6,
    held: [40, 'up'],
  },
  {
    given: 'Noah Demo',
    family: 'Berg',
    birth: '2008-10-03',
    cpr: null,
    status: 'active',
    level: 'low',
    openedDaysAgo: 200,
    members: [
      ['demo.tovholder', 'coordinator'],
      ['demo.tovholder2', 'coordinator'],
    ],
    nextInDays: 14,
    held: [10, 'down'],
  },
  {
    given: 'Ida Demo',
    family: 'Vang',
    birth: '2011-02-20',
    cpr: null,
    status: 'active',
    level: 'high',
    openedDaysAgo: 12,
    members: [
      ['demo.tovholder2', 'coordinator'],
      ['demo.forum', 'forum'],
      ['demo.tovholder', 'forum'],
    ],
    nextInDays: 3,
    held: null,
  },
  {
    given: 'Omar Demo',
    family: 'Khan',
    birth: '2005-07-30',
    cpr: null,
    status: 'on_hold',
    level: 'moderate',
    openedDaysAgo: 300,
    members: [['demo.tovholder', 'coordinator']],
    nextInDays: null,
    held: [95, 'same'],
  },
];

async function seedOne(c: Ctx, secretKey: Buffer, d: OverviewCase) {
  const created = await insertDemoCitizenCase(
    c,
    { ...d, cprDigest: d.cpr ? cprDigest(secretKey, d.cpr) : null },
    {
      status: d.status,
      opened_at: ago(c.now, d.openedDaysAgo),
      extremism_form: 'right_wing',
      concern_summary: 'Fiktiv demosag: følger en højreekstremistisk onlinegruppe.',
      work_summary: 'Samtaler med borgeren og familien.',
      on_hold_reason: d.status === 'on_hold' ? 'Familien er bortrejst i en periode.' : null,
      concern_level: d.level,
    },
    d.members,
  );
  if (d.cpr) {
    await c.trx
      .updateTable('persons')
      .set({ cpr_enc: encryptField(secretKey, d.cpr, cprContext(created.personId)) })
      .where('id', '=', created.personId)
      .execute();
  }
  const followUps = [];
  if (d.nextInDays !== null) {
    followUps.push({ case_id: created.caseId, due_on: dayAgo(c.now, -d.nextInDays) });
  }
  if (d.held) {
    const [daysAgo, change] = d.held;
    followUps.push({
      case_id: created.caseId,
      due_on: dayAgo(c.now, daysAgo),
      status: 'done',
      held_on: dayAgo(c.now, daysAgo),
      concern_level: d.level,
      concern_change: change,
      summary: 'Fiktiv opfølgning.',
      recorded_by: c.user(d.members[0]?.[0] ?? 'demo.tovholder').id,
      recorded_at: ago(c.now, daysAgo),
    });
  }
  if (followUps.length > 0) await c.trx.insertInto('case_follow_ups').values(followUps).execute();
}

export async function seedDemoOverviewCases(
  db: Kysely<DB>,
  secretKey: Buffer,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411929)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder', 'demo.tovholder2', 'demo.forum']);
    if (!c) return;
    for (const d of CASES) await seedOne(c, secretKey, d);
    await setMarker(trx, MARKER, now);
  });
}
