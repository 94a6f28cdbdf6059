import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, dayAgo, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * The citizen told in Demo Kommune (issue 13 part 8): in the two demo cases opened first, a
 * letter to the citizen recorded two days after opening, and an exemption (the police asked that
 * the citizen is not told yet) with its fictional reason, so the overview shows both and the
 * other open cases still show the reminder. Added once, also to older demo installations (its own
 * marker).
 */
const MARKER = 'demo_notices_seeded_at';

export async function seedDemoNotices(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411931)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder']);
    if (!c) return;
    const cases = await trx
      .selectFrom('cases')
      .innerJoin('case_persons as cp', (j) =>
        j.onRef('cp.case_id', '=', 'cases.id').on('cp.role', '=', 'citizen'),
      )
      .select(['cases.id', 'cases.opened_at', 'cp.person_id'])
      .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('cases.is_demo', '=', true)
      .where('cases.status', '=', 'active')
      .orderBy('cases.opened_at')
      .limit(2)
      .execute();
    const by = c.user('demo.tovholder').id;
    for (const [i, row] of cases.entries()) {
      const openedDaysAgo = Math.round((now.getTime() - row.opened_at.getTime()) / 86_400_000);
      const daysAgo = Math.max(openedDaysAgo - 2, 0);
      const givenOn = dayAgo(now, daysAgo);
      const informed = i === 0;
      await trx
        .insertInto('case_notices')
        .values({
          id: randomUUID(),
          case_id: row.id,
          person_id: informed ? row.person_id : null,
          outcome: informed ? 'informed' : 'exempted',
          method: informed ? 'letter' : null,
          given_on: givenOn,
          exemption: informed ? null : 'police_request',
          reason: informed
            ? null
            : 'Politiet (Infohus) har bedt om, at borgeren ikke orienteres, før deres vurdering er afsluttet. Genovervejes om en måned.',
          recorded_by: by,
          recorded_at: ago(now, daysAgo),
        })
        .execute();
      await event(
        c,
        row.id,
        daysAgo,
        'demo.tovholder',
        informed ? 'citizen_informed' : 'notice_exempted',
        informed
          ? {
              personRole: { from: null, to: 'citizen' },
              noticeMethod: { from: null, to: 'letter' },
              noticeDate: { from: null, to: givenOn },
            }
          : {
              noticeExemption: { from: null, to: 'police_request' },
              noticeDate: { from: null, to: givenOn },
            },
      );
    }
    await setMarker(trx, MARKER, now);
  });
}
