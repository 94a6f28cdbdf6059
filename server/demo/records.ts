import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { encryptField } from '../platform/crypto.ts';
import { cprContext } from '../modules/persons/queries.ts';
import { cprDigest } from '../modules/persons/service.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * Fictional demo cases in Demo Kommune, so every role can see need-to-know at work:
 * - S-2026-0001 about Ahmad Demo Nielsen (with his father and younger brother): demo.tovholder
 *   coordinates, demo.forum sits in the forum, demo.sagsbehandler and demo.politi are members,
 *   demo.mentor is a member limited to his own intervention;
 * - S-2026-0002 about Mikkel Demo Hansen: demo.tovholder2 coordinates, demo.forum in the forum.
 *   demo.tovholder is not a member: it is the case to try break-the-glass on.
 * - the forum "Demo Infohus" with demo.forum, demo.politi and demo.tovholder; it handles
 *   S-2026-0001.
 * The CPR numbers are fictional (their check digits are not valid).
 */
interface DemoPerson {
  key: string;
  given: string;
  family: string;
  birth: string;
  cpr: string | null;
}

const PERSONS: DemoPerson[] = [
  { key: 'ahmad', given: 'Ahmad Demo', family: 'Nielsen', birth: '2010-05-02', cpr: '0205100000' },
  { key: 'karim', given: 'Karim Demo', family: 'Nielsen', birth: '1978-09-17', cpr: '1709780000' },
  { key: 'yusuf', given: 'Yusuf Demo', family: 'Nielsen', birth: '2013-01-23', cpr: null },
  { key: 'mikkel', given: 'Mikkel Demo', family: 'Hansen', birth: '2007-11-30', cpr: '3011070000' },
];

interface DemoCase {
  reference: string;
  form: string;
  concern: string;
  work: string;
  persons: [string, string][];
  members: [string, 'coordinator' | 'forum' | 'member', 'full' | 'intervention'][];
  /** Handled by the demo forum. */
  forum?: boolean;
}

const CASES: DemoCase[] = [
  {
    reference: 'S-2026-0001',
    forum: true,
    form: 'militant_islamism',
    concern:
      'Skolen og faderen har set, at Ahmad deler videoer fra militante islamistiske kanaler og har trukket sig fra sine venner. Forummet vurderede radikaliseringsbekymringen som primær.',
    work: 'Mentorforløb to gange om ugen, samtaler med familien og fastholdelse i skolen.',
    persons: [
      ['ahmad', 'citizen'],
      ['karim', 'parent'],
      ['yusuf', 'younger_sibling'],
    ],
    members: [
      ['demo.tovholder', 'coordinator', 'full'],
      ['demo.forum', 'forum', 'full'],
      ['demo.sagsbehandler', 'member', 'full'],
      ['demo.politi', 'member', 'full'],
      ['demo.mentor', 'member', 'intervention'],
    ],
  },
  {
    reference: 'S-2026-0002',
    form: 'right_wing',
    concern:
      'Mikkel er aktiv i en lukket onlinegruppe med højreekstremistisk indhold og har udtalt sig truende om en bestemt gruppe.',
    work: 'Samtaler med SSP og vejledning om uddannelse.',
    persons: [['mikkel', 'citizen']],
    members: [
      ['demo.tovholder2', 'coordinator', 'full'],
      ['demo.forum', 'forum', 'full'],
    ],
  },
];

export const DEMO_FORUM = {
  name: 'Demo Infohus',
  members: ['demo.forum', 'demo.politi', 'demo.tovholder'],
};

/** Taken around the demo forum by seedDemoRecords and the demo inquiries: it is created once. */
export async function lockDemoForum(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(7260411927)`.execute(trx);
}

/** Creates the demo forum with those of its demo members that exist; returns its id. */
export async function insertDemoForum(trx: Transaction<DB>): Promise<string> {
  const forum = await trx
    .insertInto('forums')
    .values({ municipality_code: DEMO_MUNICIPALITY_CODE, name: DEMO_FORUM.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('users')
    .select('id')
    .where('is_demo', '=', true)
    .where('username', 'in', DEMO_FORUM.members)
    .execute();
  if (members.length > 0) {
    await trx
      .insertInto('forum_members')
      .values(members.map((m) => ({ forum_id: forum.id, user_id: m.id })))
      .onConflict((oc) => oc.columns(['forum_id', 'user_id']).doNothing())
      .execute();
  }
  return forum.id;
}

/**
 * The demo forum, created once: only while Demo Kommune has no forum at all (forums arrived
 * after the first demo installations), so later changes by demo users are left alone. Returns
 * the new forum's id, or null when nothing was created.
 */
async function seedDemoForum(trx: Transaction<DB>): Promise<string | null> {
  const any = await trx
    .selectFrom('forums')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .executeTakeFirst();
  if (any) return null;
  return insertDemoForum(trx);
}

export async function seedDemoRecords(db: Kysely<DB>, secretKey: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockDemoForum(trx);
    const forumId = await seedDemoForum(trx);
    const existing = await trx
      .selectFrom('cases')
      .select('id')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('is_demo', '=', true)
      .executeTakeFirst();
    if (existing) {
      // Cases seeded before forums existed: the new demo forum handles S-2026-0001.
      if (forumId) {
        const handled = CASES.filter((c) => c.forum).map((c) => c.reference);
        await trx
          .updateTable('cases')
          .set({ forum_id: forumId })
          .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
          .where('is_demo', '=', true)
          .where('reference', 'in', handled)
          .where('forum_id', 'is', null)
          .execute();
      }
      return;
    }

    const users = await trx
      .selectFrom('users')
      .leftJoin('user_units', 'user_units.user_id', 'users.id')
      .select(['users.id', 'users.username', 'user_units.unit_id'])
      .where('users.is_demo', '=', true)
      .execute();
    const userOf = new Map(users.map((u) => [u.username, u]));

    const personIds = new Map<string, string>();
    for (const p of PERSONS) {
      const row = await trx
        .insertInto('persons')
        .values({
          municipality_code: DEMO_MUNICIPALITY_CODE,
          given_name: p.given,
          family_name: p.family,
          birth_date: p.birth,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.cpr) {
        await trx
          .updateTable('persons')
          .set({
            cpr_enc: encryptField(secretKey, p.cpr, cprContext(row.id)),
            cpr_digest: cprDigest(secretKey, p.cpr),
          })
          .where('id', '=', row.id)
          .execute();
      }
      personIds.set(p.key, row.id);
    }

    for (const c of CASES) {
      const created = await trx
        .insertInto('cases')
        .values({
          municipality_code: DEMO_MUNICIPALITY_CODE,
          reference: c.reference,
          extremism_form: c.form,
          concern_summary: c.concern,
          work_summary: c.work,
          forum_id: c.forum ? forumId : null,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('case_persons')
        .values(
          c.persons.map(([key, role]) => ({
            case_id: created.id,
            person_id: personIds.get(key) ?? '',
            role,
            // Karim holds custody of Ahmad, a child: the case shows it (issue 12).
            custody_holder: role === 'parent',
          })),
        )
        .execute();
      const members = c.members.flatMap(([username, role, scope]) => {
        const user = userOf.get(username);
        return user
          ? [{ case_id: created.id, user_id: user.id, role, scope, unit_id: user.unit_id }]
          : [];
      });
      if (members.length > 0) await trx.insertInto('case_members').values(members).execute();
    }
  });
}
