import { sql, type Kysely } from 'kysely';
import { RETENTION_KINDS } from '../../shared/retention.ts';
import { DEFAULT_PERIODS } from '../modules/retention/defaults.ts';
import type { DB } from '../platform/db/schema.ts';
import {
  ago,
  demoContext,
  event,
  hasMarker,
  insertDemoCitizenCase,
  setMarker,
} from './case-work/context.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * Retention in Demo Kommune (issue 13 part 6, docs/RETENTION.md): the product's default periods
 * saved for the municipality but unconfirmed (the administrator confirms them under
 * Administration → Indstillinger → Opbevaring og sletning), and one fictional case closed six
 * years ago, so the dry-run shows a record whose period has ended — held back because the period
 * is not confirmed and the archive's export not taken. Added once (its own marker).
 */
const MARKER = 'demo_retention_seeded_at';
const CLOSED_DAYS_AGO = 6 * 365;

export async function seedDemoRetention(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411939)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder']);
    if (!c) return;
    await trx
      .insertInto('retention_periods')
      .values(
        RETENTION_KINDS.map((kind) => ({
          municipality_code: DEMO_MUNICIPALITY_CODE,
          kind,
          months: DEFAULT_PERIODS[kind].months,
          minimum_months: 0,
          confirmed: false,
          updated_by: null,
        })),
      )
      .onConflict((oc) => oc.columns(['municipality_code', 'kind']).doNothing())
      .execute();
    const coordinator = c.user('demo.tovholder');
    const created = await insertDemoCitizenCase(
      c,
      { given: 'Villads Demo', family: 'Holm', birth: '1998-11-02' },
      {
        status: 'closed',
        opened_at: ago(now, CLOSED_DAYS_AGO + 400),
        closed_at: ago(now, CLOSED_DAYS_AGO),
        extremism_form: 'militant_islamism',
        concern_summary:
          'Fiktiv demosag: delte propaganda fra en militant gruppe på sociale medier.',
        work_summary: 'Mentorforløb og exitsamtaler; afsluttet efter planen.',
        age_group: 'adult',
        subject_kind: 'person',
        environment: 'online',
        primary_concern: true,
        authority_area: 'inside',
        concern_level: 'low',
      },
      [['demo.tovholder', 'coordinator']],
    );
    await trx
      .insertInto('case_closures')
      .values({
        case_id: created.caseId,
        outcome: 'handled',
        reason: 'Bekymringen er væk; borgeren er i job og har afsluttet mentorforløbet.',
        status: 'approved',
        proposed_by: coordinator.id,
        proposed_at: ago(now, CLOSED_DAYS_AGO + 2),
        decided_by: coordinator.id,
        decided_at: ago(now, CLOSED_DAYS_AGO),
      })
      .execute();
    await event(c, created.caseId, CLOSED_DAYS_AGO, 'demo.tovholder', 'closure_approved', {
      status: { from: 'active', to: 'closed' },
    });
    await setMarker(trx, MARKER, now);
  });
}
