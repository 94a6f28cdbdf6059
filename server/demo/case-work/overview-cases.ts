import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { encryptField } from '../../platform/crypto.ts';
import { danishToday } from '../../modules/cases/chronology.ts';
import { nextReference } from '../../modules/inquiries/queries.ts';
import { cprContext } from '../../modules/persons/queries.ts';
import { cprDigest } from '../../modules/persons/service.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, dayAgo, event, type Ctx } from './context.ts';

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

async function seedOne(c: Ctx, secretKey: Buffer, d: OverviewCase, year: number) {
  const person = await c.trx
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: d.given,
      family_name: d.family,
      birth_date: d.birth,
      cpr_digest: d.cpr ? cprDigest(secretKey, d.cpr) : null,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (d.cpr) {
    await c.trx
      .updateTable('persons')
      .set({ cpr_enc: encryptField(secretKey, d.cpr, cprContext(person.id)) })
      .where('id', '=', person.id)
      .execute();
  }
  const reference = await nextReference(c.trx, DEMO_MUNICIPALITY_CODE, 'S', year);
  const created = await c.trx
    .insertInto('cases')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference,
      status: d.status,
      opened_at: ago(c.now, d.openedDaysAgo),
      extremism_form: 'right_wing',
      concern_summary: 'Fiktiv demosag: følger en højreekstremistisk onlinegruppe.',
      work_summary: 'Samtaler med borgeren og familien.',
      on_hold_reason: d.status === 'on_hold' ? 'Familien er bortrejst i en periode.' : null,
      concern_level: d.level,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.trx
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await c.trx
    .insertInto('case_members')
    .values(
      d.members.map(([username, role]) => ({
        case_id: created.id,
        user_id: c.user(username).id,
        role,
        unit_id: c.user(username).unitId,
      })),
    )
    .execute();
  await event(c, created.id, d.openedDaysAgo, d.members[0]?.[0] ?? null, 'opened');
  const followUps = [];
  if (d.nextInDays !== null) {
    followUps.push({ case_id: created.id, due_on: dayAgo(c.now, -d.nextInDays) });
  }
  if (d.held) {
    const [daysAgo, change] = d.held;
    followUps.push({
      case_id: created.id,
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
    const marker = await trx
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', MARKER)
      .executeTakeFirst();
    if (marker) return;
    const users = await trx
      .selectFrom('users')
      .leftJoin('user_units', 'user_units.user_id', 'users.id')
      .select(['users.id', 'users.username', 'user_units.unit_id'])
      .where('users.is_demo', '=', true)
      .execute();
    const byName = new Map(users.map((u) => [u.username, { id: u.id, unitId: u.unit_id }]));
    const needed = ['demo.tovholder', 'demo.tovholder2', 'demo.forum'];
    if (!needed.every((name) => byName.has(name))) return;
    const c: Ctx = {
      trx,
      now,
      user: (username) => {
        const found = byName.get(username);
        if (!found) throw new Error(`demo user ${username} missing`);
        return found;
      },
    };
    const year = Number(danishToday(now).slice(0, 4));
    for (const d of CASES) await seedOne(c, secretKey, d, year);
    await trx
      .insertInto('app_settings')
      .values({ key: MARKER, value: JSON.stringify(now.toISOString()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}
