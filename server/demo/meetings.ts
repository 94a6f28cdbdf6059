import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { DEMO_FORUM } from './records.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { danishDayStart, instantOf, nthOccurrence } from '../modules/meetings/meetings-cadence.ts';

/**
 * Fictional meetings of Demo Kommune (issue 14 part 2): a monthly series of the cross-disciplinary
 * forum (six meetings, the first Tuesday of the month at 13:00), an Infohus Kommune meeting with
 * the police in three days, and a steering-group meeting in three weeks — each forum made when
 * missing, its members invited, the participants given demo e-mail addresses. Demo Kommune is
 * set to organisation model 3 (a standing forum with a steering group), so every kind meets.
 * Added once: nothing happens while Demo Kommune has any meeting. No e-mail is queued.
 */
const DEMO_FORUMS = [
  // Demo Kommune's forums as its organisation model made them (demo/organisation.ts, seeded
  // first); made here only when missing. Found by name.
  {
    name: DEMO_FORUM.name,
    kind: 'infohus_kommune',
    cadence: 'biweekly',
    members: ['demo.tovholder', 'demo.politi'],
  },
  {
    name: 'Tværfagligt forum',
    kind: 'forum',
    cadence: 'monthly',
    members: ['demo.tovholder', 'demo.forum', 'demo.sagsbehandler', 'demo.politi'],
  },
  {
    name: 'Styregruppen',
    kind: 'steering_group',
    cadence: 'quarterly',
    members: ['demo.tovholder', 'demo.leder'],
  },
] as const;

async function demoForum(
  trx: Transaction<DB>,
  code: string,
  spec: (typeof DEMO_FORUMS)[number],
): Promise<{ id: string; members: string[] }> {
  const existing = await trx
    .selectFrom('forums')
    .select('id')
    .where('municipality_code', '=', code)
    .where(sql<boolean>`lower(name) = lower(${spec.name})`)
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await trx
        .insertInto('forums')
        .values({
          municipality_code: code,
          name: spec.name,
          kind: spec.kind,
          cadence: spec.cadence,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('is_demo', '=', true)
    .where('username', 'in', [...spec.members])
    .execute();
  if (users.length > 0) {
    await trx
      .insertInto('forum_members')
      .values(users.map((u) => ({ forum_id: id, user_id: u.id })))
      .onConflict((oc) => oc.columns(['forum_id', 'user_id']).doNothing())
      .execute();
    for (const u of users) {
      await trx
        .updateTable('users')
        .set({ email: `${u.username.replace('.', '-')}@demo-kommune.example` })
        .where('id', '=', u.id)
        .where('email', 'is', null)
        .execute();
    }
  }
  return { id, members: users.map((u) => u.id) };
}

/** The first Tuesday of next month at 13:00, Danish time. */
function firstTuesdayNextMonth(now: Date): Date {
  const [year, month] = danishToday(now).split('-').map(Number) as [number, number];
  const next = { year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1 };
  const weekday = new Date(Date.UTC(next.year, next.month - 1, 1)).getUTCDay();
  const day = 1 + ((2 - weekday + 7) % 7);
  return instantOf({ ...next, day, hour: 13, minute: 0 });
}

/** `days` on from today at `hour`, Danish time. */
function daysOn(now: Date, days: number, hour: number): Date {
  const start = danishDayStart(danishToday(now));
  const d = new Date(start.getTime() + (days * 24 + 12) * 3600_000);
  const [year, month, day] = danishToday(d).split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day, hour, minute: 0 });
}

export async function seedDemoMeetings(db: Kysely<DB>, code: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const any = await trx
      .selectFrom('meetings')
      .select('id')
      .where('municipality_code', '=', code)
      .executeTakeFirst();
    if (any) return;
    const creator = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo.tovholder')
      .executeTakeFirst();
    if (!creator) return;
    await trx
      .insertInto('municipality_settings')
      .values({ municipality_code: code, organisation_model: 3 })
      .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ organisation_model: 3 }))
      .execute();
    const made: { id: string; members: string[] }[] = [];
    for (const spec of DEMO_FORUMS) made.push(await demoForum(trx, code, spec));
    const [infohus, forum, steering] = made;
    if (!infohus || !forum || !steering) return;
    const seriesId = randomUUID();
    const first = firstTuesdayNextMonth(now);
    const meetings = [
      ...Array.from({ length: 6 }, (_, n) => {
        const start = nthOccurrence(first, 'monthly', n);
        return {
          forum,
          type: 'forum',
          start,
          hours: 2,
          place: 'Demo Rådhus, mødelokale 2',
          video: null,
          series: seriesId,
        };
      }),
      {
        forum: infohus,
        type: 'infohus_kommune',
        start: daysOn(now, 3, 10),
        hours: 1,
        place: 'Demo Politistation',
        video: null,
        series: null,
      },
      {
        forum: steering,
        type: 'steering_group',
        start: daysOn(now, 21, 14),
        hours: 1.5,
        place: null,
        video: 'https://video.demo-kommune.example/styregruppe',
        series: null,
      },
    ];
    for (const m of meetings) {
      const id = randomUUID();
      await trx
        .insertInto('meetings')
        .values({
          id,
          municipality_code: code,
          forum_id: m.forum.id,
          meeting_type: m.type,
          starts_at: m.start,
          ends_at: new Date(m.start.getTime() + m.hours * 3600_000),
          place: m.place,
          video_link: m.video,
          chair_user_id: creator.id,
          note_taker_user_id: m.forum.members.find((u) => u !== creator.id) ?? null,
          series_id: m.series,
          created_by: creator.id,
        })
        .execute();
      if (m.forum.members.length > 0) {
        await trx
          .insertInto('meeting_participants')
          .values(
            m.forum.members.map((userId) => ({
              meeting_id: id,
              municipality_code: code,
              user_id: userId,
              kind: 'member',
            })),
          )
          .execute();
      }
    }
  });
}
