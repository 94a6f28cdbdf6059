import type { Kysely } from 'kysely';
import { danishToday } from '../modules/cases/chronology.ts';
import { addDays } from '../modules/closure/dates.ts';
import type { DB } from '../platform/db/schema.ts';
import { demoForum, demoUsers } from './inquiries-setup.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * A demo meeting with an agenda (issue 14), so that `npm start` shows the agenda page
 * (/moeder/<id>/dagsorden): a meeting of "Demo Infohus" a week from the first start, chaired by
 * demo.tovholder, with a topic, S-2026-0001 (his case) and S-2026-0002 (demo.tovholder2's case,
 * which demo.tovholder may not see: he sees "1 punkt kan du ikke se"); and a meeting of the
 * steering group ("Styregruppen", demo/organisation.ts) with the numbers. Fixed ids: added once, whenever missing.
 */
/** The Infohus Kommune meeting with the agenda (exported for its test). */
export const DEMO_AGENDA_MEETING = '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1401';
const FORUM_MEETING = DEMO_AGENDA_MEETING;
export const DEMO_STEERING_MEETING = '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1403';
const STEERING_MEETING = DEMO_STEERING_MEETING;
const ITEMS = [
  '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1411',
  '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1412',
  '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1413',
  '8d2f7a10-4c1e-4f7a-9a51-0a9e5d3c1414',
] as const;

export async function seedDemoAgenda(db: Kysely<DB>, now = new Date()): Promise<void> {
  const there = await db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', FORUM_MEETING)
    .executeTakeFirst();
  if (there) return;
  const users = await demoUsers(db);
  const chair = users.get('demo.tovholder');
  if (!chair) return;
  const forumId = await demoForum(db);
  // The steering group of Demo Kommune's organisation model (demo/organisation.ts, seeded first).
  const steeringGroup = await db
    .selectFrom('forums')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('kind', '=', 'steering_group')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!steeringGroup) return;
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('reference', 'in', ['S-2026-0001', 'S-2026-0002'])
    .execute();
  const caseId = (reference: string) => cases.find((c) => c.reference === reference)?.id ?? null;
  const day = addDays(danishToday(now), 7);
  await db.transaction().execute(async (trx) => {
    const meeting = (id: string, forum: string, type: string) => ({
      id,
      municipality_code: DEMO_MUNICIPALITY_CODE,
      forum_id: forum,
      meeting_type: type,
      starts_at: `${day}T09:00:00+01:00`,
      ends_at: `${day}T11:00:00+01:00`,
      place: 'Rådhuset, mødelokale 2',
      chair_user_id: chair.id,
      created_by: chair.id,
    });
    await trx
      .insertInto('meetings')
      .values([
        meeting(FORUM_MEETING, forumId, 'infohus_kommune'),
        meeting(STEERING_MEETING, steeringGroup.id, 'steering_group'),
      ])
      .execute();
    const item = (
      id: string,
      meetingId: string,
      position: number,
      fields: { kind: string; case_id?: string | null; title?: string; description?: string },
    ) => ({
      id,
      municipality_code: DEMO_MUNICIPALITY_CODE,
      meeting_id: meetingId,
      position,
      case_id: null,
      title: null,
      description: null,
      created_by: chair.id,
      ...fields,
    });
    const one = caseId('S-2026-0001');
    const two = caseId('S-2026-0002');
    await trx
      .insertInto('meeting_agenda_items')
      .values([
        item(ITEMS[0], FORUM_MEETING, 1, {
          kind: 'topic',
          title: 'Status på området',
          description: 'Skole, klub og politi fortæller kort, hvad de ser lige nu.',
        }),
        ...(one ? [item(ITEMS[1], FORUM_MEETING, 2, { kind: 'case', case_id: one })] : []),
        ...(two ? [item(ITEMS[2], FORUM_MEETING, 3, { kind: 'case', case_id: two })] : []),
        item(ITEMS[3], STEERING_MEETING, 1, { kind: 'numbers', title: 'Tal og tendenser' }),
      ])
      .execute();
  });
}
