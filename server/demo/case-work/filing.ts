import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, dayAgo, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * Journalisation in Demo Kommune (issue 12 part 9): the municipality's filing settings and one
 * filed case summary in the closed demo case (Sara Demo Larsen's), so the closure tab shows the
 * export, the form and a filing. The KLE number, facet and journal number are fictional demo
 * values; a real municipality chooses its own KLE subject (nothing here claims which is right).
 * Added once, also to older demo installations (its own marker), and never over settings the
 * demo's administrator has changed.
 */
const MARKER = 'demo_filing_seeded_at';
const DEMO_KLE = '27.24.00';
const DEMO_FACET = 'A53';
const DEMO_SYSTEM = 'ESDH';

export async function seedDemoFiling(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411930)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder']);
    if (!c) return;
    await trx
      .insertInto('municipality_settings')
      .values({
        municipality_code: DEMO_MUNICIPALITY_CODE,
        filing_kle_code: DEMO_KLE,
        filing_kle_facet: DEMO_FACET,
        record_system_name: DEMO_SYSTEM,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('municipality_code').doUpdateSet({
          filing_kle_code: sql`coalesce(municipality_settings.filing_kle_code, ${DEMO_KLE})`,
          filing_kle_facet: sql`coalesce(municipality_settings.filing_kle_facet, ${DEMO_FACET})`,
          record_system_name: sql`coalesce(municipality_settings.record_system_name, ${DEMO_SYSTEM})`,
        }),
      )
      .execute();

    const closed = await trx
      .selectFrom('cases')
      .select(['id', 'closed_at'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('is_demo', '=', true)
      .where('status', '=', 'closed')
      .orderBy('closed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (closed?.closed_at) {
      const closedDaysAgo = Math.round((now.getTime() - closed.closed_at.getTime()) / 86_400_000);
      // The summary made the day after closing, filed two days later.
      const madeDaysAgo = Math.max(closedDaysAgo - 1, 0);
      const filedDaysAgo = Math.max(closedDaysAgo - 3, 0);
      const version = dayAgo(now, madeDaysAgo);
      const journalNumber = `${DEMO_KLE}-${DEMO_FACET}-1-26`;
      // Recorded first with two digits swapped, corrected the same day (issue 12: a filing can be
      // corrected, with a reason, and the chronology says old → new).
      const typed = `${DEMO_KLE}-${DEMO_FACET}-1-62`;
      const inserted = await trx
        .insertInto('case_filings')
        .values({
          case_id: closed.id,
          document_kind: 'case-summary',
          document_version: version,
          document_date: version,
          journal_number: journalNumber,
          version: 2,
          corrected_at: ago(now, filedDaysAgo),
          corrected_by: c.user('demo.tovholder').id,
          record_system: DEMO_SYSTEM,
          kle_code: DEMO_KLE,
          filed_on: dayAgo(now, filedDaysAgo),
          filed_by: c.user('demo.tovholder').id,
          recorded_at: ago(now, filedDaysAgo),
        })
        .onConflict((oc) =>
          oc
            .columns(['case_id', 'document_kind', 'document_version'])
            // The partial unique index of 0032: one filing in force per version.
            .where('withdrawn_at', 'is', null)
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await event(c, closed.id, filedDaysAgo, 'demo.tovholder', 'document_filed', {
          document: { from: null, to: 'case-summary' },
          documentVersion: { from: null, to: version },
          journalNumber: { from: null, to: typed },
          recordSystem: { from: null, to: DEMO_SYSTEM },
          filedOn: { from: null, to: dayAgo(now, filedDaysAgo) },
        });
        await event(c, closed.id, filedDaysAgo, 'demo.tovholder', 'filing_corrected', {
          document: { from: null, to: 'case-summary' },
          documentVersion: { from: null, to: version },
          journalNumber: { from: typed, to: journalNumber },
          correctionReason: { from: null, to: 'To cifre var byttet om i løbenummeret.' },
        });
      }
    }
    await setMarker(trx, MARKER, now);
  });
}
