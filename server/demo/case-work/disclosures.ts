import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { dayAgo, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * The disclosure register in Demo Kommune (issue 13): two fictional disclosures on the first
 * active demo case — a phone call with the psychiatry in the PSP cooperation and a letter to the
 * Prison and Probation Service — so the case's "Videregivelser" tab, the register and the access
 * report show entries. Added once (its own marker, fixed ids), also to older demo installations.
 */
const MARKER = 'demo_disclosures_seeded_at';

/** The first demo entry's id: its citizen is the one the demo's reads are about. */
export const DEMO_DISCLOSURE_ID = '6a1c2f0e-3d4b-4c5a-9e8f-0b1c2d3e4f51';

const ENTRIES = [
  {
    id: DEMO_DISCLOSURE_ID,
    daysAgo: 12,
    recipientOrganisation: 'Demo Psykiatri, PSP-gruppen',
    recipientKind: 'psychiatry',
    recipientPerson: 'Overlæge (fiktiv)',
    categories: ['case_history', 'plan'],
    documents: 'Handleplan, version 1',
    legalBasis: 'Retsplejeloven § 115 (PSP)',
    purpose: 'Kriminalitetsforebyggende samarbejde i PSP om borgerens forløb – ikke efterforskning',
    decidedBy: 'Tovholderen efter drøftelse i PSP-gruppen',
    channel: 'phone',
  },
  {
    id: '6a1c2f0e-3d4b-4c5a-9e8f-0b1c2d3e4f52',
    daysAgo: 4,
    recipientOrganisation: 'Kriminalforsorgen, Demo Afdeling',
    recipientKind: 'prison_probation',
    recipientPerson: null,
    categories: ['plan', 'interventions'],
    documents: null,
    legalBasis: 'Retsplejeloven § 115 (KSP)',
    purpose: 'Fælles planlægning af løsladelsen i KSP-samarbejdet',
    decidedBy: 'Tovholderen',
    channel: 'letter',
  },
] as const;

export async function seedDemoDisclosures(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411931)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder']);
    if (!c) return;
    const active = await trx
      .selectFrom('cases as k')
      .innerJoin('case_persons as cp', (j) =>
        j
          .onRef('cp.case_id', '=', 'k.id')
          .onRef('cp.municipality_code', '=', 'k.municipality_code'),
      )
      .select(['k.id', 'cp.person_id'])
      .where('k.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('k.is_demo', '=', true)
      .where('k.status', '=', 'active')
      .where('cp.role', '=', 'citizen')
      .orderBy('k.opened_at')
      .limit(1)
      .executeTakeFirst();
    if (active) {
      for (const e of ENTRIES) {
        const inserted = await trx
          .insertInto('disclosures')
          .values({
            id: e.id,
            case_id: active.id,
            disclosed_on: dayAgo(now, e.daysAgo),
            recipient_organisation: e.recipientOrganisation,
            recipient_kind: e.recipientKind,
            recipient_person: e.recipientPerson,
            categories: [...e.categories],
            documents: e.documents,
            legal_basis: e.legalBasis,
            purpose: e.purpose,
            decided_by: e.decidedBy,
            channel: e.channel,
            recorded_by_hand: true,
            product_source: null,
            recorded_by: c.user('demo.tovholder').id,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) continue;
        await trx
          .insertInto('disclosure_persons')
          .values({ disclosure_id: e.id, person_id: active.person_id })
          .execute();
        await event(c, active.id, e.daysAgo, 'demo.tovholder', 'disclosure_recorded', {
          recipientKind: { from: null, to: e.recipientKind },
          disclosedOn: { from: null, to: dayAgo(now, e.daysAgo) },
          channel: { from: null, to: e.channel },
        });
      }
    }
    await setMarker(trx, MARKER, now);
  });
}
