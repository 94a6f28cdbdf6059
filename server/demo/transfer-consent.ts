import { sql, type Kysely } from 'kysely';
import { findCaseAccess } from '../access/records.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { addCaseEvent } from '../modules/cases/queries-chronology.ts';
import { proposeTransfer } from '../modules/transfers/proposing.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { hasMarker, setMarker } from './case-work/context.ts';
import { demoUsers } from './inquiries-setup.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';
import { DEMO_NEIGHBOUR_CODE } from './transfers.ts';

/**
 * A consent-based transfer in the demo (docs/TRANSFERS.md): another active case of
 * demo.tovholder whose citizen gave an oral consent to a single disclosure to another
 * municipality of the identity and the case history, proposed transferred to Demo Nabokommune on
 * the consent basis, waiting for demo.nabo under "Indgående overførsler". Proposed through the
 * same service as the API; added once (its own marker), also to older demo installations.
 */
const MARKER = 'demo_consent_transfer_seeded_at';
const TRANSFER_ID = '7a1c2f30-5d4e-4b8a-9c61-0d2e3f425998';
/** The consent the transfer relies on (fixed, so an interrupted seed goes on with it). */
export const DEMO_TRANSFER_CONSENT_ID = '7a1c2f30-5d4e-4b8a-9c61-0d2e3f435998';
const CONSENT_ID = DEMO_TRANSFER_CONSENT_ID;

export async function seedDemoConsentTransfer(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
  now = new Date(),
): Promise<void> {
  const users = await demoUsers(db);
  const tovholder = users.get('demo.tovholder');
  if (!tovholder || !users.get('demo.nabo')) return;
  const found = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411942)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return undefined;
    // A run interrupted after the consent: go on with its case (the proposal is idempotent).
    const earlier = await trx
      .selectFrom('case_consents')
      .select('case_id')
      .where('id', '=', CONSENT_ID)
      .executeTakeFirst();
    if (earlier) return { caseId: earlier.case_id };
    // An active case of demo.tovholder with a citizen and no transfer yet.
    const row = await trx
      .selectFrom('cases')
      .innerJoin('case_members as m', (j) =>
        j.onRef('m.case_id', '=', 'cases.id').on('m.role', '=', 'coordinator'),
      )
      .innerJoin('case_persons as p', (j) =>
        j.onRef('p.case_id', '=', 'cases.id').on('p.role', '=', 'citizen'),
      )
      .select(['cases.id', 'p.person_id'])
      .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('cases.is_demo', '=', true)
      .where('cases.status', '=', 'active')
      .where('m.user_id', '=', tovholder.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('case_transfers as t').select('t.id').whereRef('t.case_id', '=', 'cases.id'),
          ),
        ),
      )
      .orderBy('cases.opened_at', 'asc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    const givenOn = danishToday(new Date(now.getTime() - 3 * 86_400_000));
    await trx
      .insertInto('case_consents')
      .values({
        id: CONSENT_ID,
        case_id: row.id,
        person_id: row.person_id,
        given_by: 'person',
        purpose: 'At sagen må overføres til Demo Nabokommune, hvor borgeren flytter hen.',
        method: 'oral',
        witness: 'Sagsbehandler i Demo Kommune',
        given_on: givenOn,
        recorded_by: tovholder.id,
        uses: ['single_disclosure'],
        categories: ['identity', 'case_history'],
        organisation_kinds: ['other_municipality'],
        valid_from: givenOn,
      })
      .execute();
    await addCaseEvent(trx, row.id, tovholder.id, 'consent_recorded', {
      personRole: { from: null, to: 'citizen' },
      givenBy: { from: null, to: 'person' },
      method: { from: null, to: 'oral' },
      givenOn: { from: null, to: givenOn },
    });
    return { caseId: row.id };
  });
  if (!found) return;
  const access = await findCaseAccess(db, tovholder, found.caseId);
  if (!access) return;
  const ctx: RequestContext = {
    db,
    keys,
    user: tovholder,
    requestId: 'demo-seed',
    ip: '127.0.0.1',
    language: 'da',
  };
  await proposeTransfer(
    ctx,
    access,
    {
      id: TRANSFER_ID,
      toMunicipalityCode: DEMO_NEIGHBOUR_CODE,
      reason: 'Borgeren flytter til Demo Nabokommune og har givet samtykke til overførslen.',
      legalBasis: 'consent',
      parts: ['identity', 'work_summary'],
      consentId: CONSENT_ID,
    },
    now,
  );
  await db.transaction().execute((trx) => setMarker(trx, MARKER, now));
}
