import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { demoContext, hasMarker, setMarker } from './case-work/context.ts';
import { seedAhmad } from './case-work/ahmad.ts';
import { seedMikkel } from './case-work/mikkel.ts';
import { seedClosedCases } from './case-work/closed-cases.ts';
import { seedCaseWithoutPlan } from './case-work/new-case.ts';

/**
 * Fictional case work in Demo Kommune, so every part of a case can be seen with a history:
 * - S-2026-0001 (Ahmad, his father and his younger brother), active: two final assessments
 *   (high, then moderate concern), an approved action plan with goals and sub-goals, a mentor
 *   (demo.mentor) for Ahmad, a parent coach for the father after a declined and renewed offer,
 *   family conversations with all three taking part,
 *   three follow-ups with life-competence ratings, one overdue and one upcoming;
 * - S-2026-0002 (Mikkel), on hold: he has gone abroad for a while; moved in from paper, with a
 *   mentor course, a session and a follow-up dated before the case was registered;
 * - a closed case (transferred to the ordinary system) with its re-reviews scheduled;
 * - a case under re-review: closed seven months ago, its 6-month re-review is due;
 * - an active case opened 18 days ago with no assessment and no plan yet (the work list).
 * Everything is inserted directly, dated back in time, once (a marker in app_settings).
 */
const MARKER = 'demo_case_work_seeded_at';

export async function seedDemoCaseWork(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411928)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder', 'demo.mentor']);
    if (!c) return;

    await seedAhmad(c);
    await seedMikkel(c);
    await seedClosedCases(c);
    await seedCaseWithoutPlan(c);
    await setMarker(trx, MARKER, now);
  });
}
