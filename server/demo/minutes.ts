import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { attendance } from '../modules/meetings/queries-minutes.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';
import { ago, dayAgo, demoContext, event, hasMarker, setMarker } from './case-work/context.ts';

/**
 * Minutes to look at in Demo Kommune (issue 14 part 4): a meeting of the forum "Demo Infohus"
 * held a week ago, chaired by demo.tovholder with demo.forum as note-taker, with an item about
 * the first demo case and a free topic; approved minutes (version 1) with fictional text, the
 * attendance, and a task for demo.forum due next week (in "Mine opgaver" and the chronology).
 * Open it at /moeder/<id>/referat. Added once (its own marker), also to older installations.
 */
const MARKER = 'demo_minutes_seeded_at';

export async function seedDemoMinutes(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411948)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder', 'demo.forum']);
    if (!c) return;
    const forum = await trx
      .selectFrom('forums')
      .select('id')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', 'Demo Infohus')
      .executeTakeFirst();
    const theCase = await trx
      .selectFrom('cases')
      .innerJoin('case_members as m', 'm.case_id', 'cases.id')
      .select(['cases.id'])
      .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('cases.is_demo', '=', true)
      .where('cases.status', '=', 'active')
      .where('m.user_id', '=', c.user('demo.forum').id)
      .orderBy('cases.opened_at')
      .limit(1)
      .executeTakeFirst();
    if (!forum || !theCase) return;
    const chair = c.user('demo.tovholder').id;
    const noteTaker = c.user('demo.forum').id;
    const meetingId = randomUUID();
    const startsAt = ago(now, 7);
    await trx
      .insertInto('meetings')
      .values({
        id: meetingId,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        forum_id: forum.id,
        meeting_type: 'infohus_kommune',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 90 * 60_000),
        place: 'Demo Rådhus, mødelokale 3',
        chair_user_id: chair,
        note_taker_user_id: noteTaker,
        recorded_afterwards: true,
        status: 'held',
        created_by: chair,
      })
      .execute();
    const caseItem = randomUUID();
    const topicItem = randomUUID();
    await trx
      .insertInto('meeting_agenda_items')
      .values([
        {
          id: caseItem,
          meeting_id: meetingId,
          position: 1,
          kind: 'follow_up',
          case_id: theCase.id,
          source: 'proposed',
          created_by: chair,
        },
        {
          id: topicItem,
          meeting_id: meetingId,
          position: 2,
          kind: 'topic',
          title: 'Tendenser i lokalområdet',
          created_by: chair,
        },
      ])
      .execute();
    await trx
      .insertInto('meeting_participants')
      .values([
        { meeting_id: meetingId, user_id: chair, kind: 'member', attended: true },
        { meeting_id: meetingId, user_id: noteTaker, kind: 'member', attended: true },
      ])
      .execute();
    const minutesId = randomUUID();
    await trx
      .insertInto('meeting_minutes')
      .values({
        id: minutesId,
        meeting_id: meetingId,
        version_no: 1,
        status: 'approved',
        approved_by: chair,
        approved_at: ago(now, 6),
        created_by: noteTaker,
        // The approved version's own copy of who was present (0051).
        attendance: JSON.stringify(
          await attendance(trx, { meetingId, municipalityCode: DEMO_MUNICIPALITY_CODE }),
        ),
      })
      .execute();
    await trx
      .insertInto('meeting_minutes_items')
      .values([
        {
          minutes_id: minutesId,
          agenda_item_id: caseItem,
          assessed:
            'Forummet gennemgik forløbet siden sidste opfølgning: mentorsamtalerne holdes, og skolen melder stabilt fremmøde.',
          decision: 'Forløbet fortsætter uændret. Skolen kontaktes inden næste møde.',
          updated_by: noteTaker,
        },
        {
          minutes_id: minutesId,
          agenda_item_id: topicItem,
          assessed: 'SSP oplever flere henvendelser om onlinemiljøer blandt unge i området.',
          decision: 'Temaet tages op på netværksmødet.',
          updated_by: noteTaker,
        },
      ])
      .execute();
    const description = 'Kontakt skolen om fremmødet inden næste møde';
    const dueOn = dayAgo(now, -7);
    await trx
      .insertInto('meeting_minutes_tasks')
      .values({
        id: randomUUID(),
        meeting_id: meetingId,
        minutes_id: minutesId,
        agenda_item_id: caseItem,
        case_id: theCase.id,
        description,
        responsible_user_id: noteTaker,
        due_on: dueOn,
        created_by: noteTaker,
      })
      .execute();
    await event(c, theCase.id, 7, 'demo.forum', 'meeting_task_created', {
      meetingTask: { from: null, to: description },
      deadline: { from: null, to: dueOn },
      responsible: { from: null, to: 'demo.forum' },
    });
    await setMarker(trx, MARKER, now);
  });
}
