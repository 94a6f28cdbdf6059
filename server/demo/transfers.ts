import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { RequestContext } from '../platform/context.ts';
import type { CurrentUser } from '../access/sessions.ts';
import { findCaseAccess } from '../access/records.ts';
import { findForwardingPlace } from '../access/transfer-access.ts';
import { createInquiry } from '../modules/inquiries/intake.ts';
import { CreateInquiryBody } from '../modules/inquiries/schema.ts';
import { forwardInquiry } from '../modules/transfers/forwarding.ts';
import { proposeTransfer } from '../modules/transfers/proposing.ts';
import { hasMarker, setMarker } from './case-work/context.ts';
import { demoUsers } from './inquiries-setup.ts';
import { DEMO_MUNICIPALITY_CODE, DEMO_POLICE_DISTRICT_ID } from './seed.ts';
import { seedDemoUsers } from './users.ts';

/**
 * Across municipalities in the demo (issue 13 part 5, docs/TRANSFERS.md): a second fictional
 * municipality, "Demo Nabokommune" (code 998, not an official code) in the demo police district,
 * with its coordinator demo.nabo; an inquiry the hotline recorded in Demo Kommune and forwarded
 * there (in demo.nabo's inbox, "Videresendt fra Demo Kommune"), and a case of Demo Kommune
 * proposed transferred there, waiting for demo.nabo's answer under "Indgående overførsler".
 * Made through the same service functions as the API; added once (its own marker), also to older
 * demo installations.
 */
export const DEMO_NEIGHBOUR_CODE = '998';
const MARKER = 'demo_transfers_seeded_at';
const FORWARDING_ID = '7a1c2f30-5d4e-4b8a-9c61-0d2e3f405998';
const TRANSFER_ID = '7a1c2f30-5d4e-4b8a-9c61-0d2e3f415998';

/** The neighbouring demo municipality (public reference data, fictional). */
export async function ensureDemoNeighbour(trx: Transaction<DB> | Kysely<DB>): Promise<void> {
  await trx
    .insertInto('municipalities')
    .values({
      code: DEMO_NEIGHBOUR_CODE,
      name: 'Demo Nabokommune',
      region: 'demo',
      police_district_id: DEMO_POLICE_DISTRICT_ID,
      is_demo: true,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function seedDemoTransfers(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
): Promise<void> {
  const done = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411941)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return true;
    await ensureDemoNeighbour(trx);
    return false;
  });
  if (done) return;
  // demo.nabo arrived with the transfers: added to older installations here (idempotent).
  await seedDemoUsers(db, keys.secret);
  const users = await demoUsers(db);
  const tovholder = users.get('demo.tovholder');
  const hotline = users.get('demo.hotline') ?? tovholder;
  if (!tovholder || !hotline || !users.get('demo.nabo')) return;
  const ctx = (user: CurrentUser): RequestContext => ({
    db,
    keys,
    user,
    requestId: 'demo-seed',
    ip: '127.0.0.1',
    language: 'da',
  });

  // 1. An inquiry the hotline recorded in Demo Kommune, about a young man living next door.
  const { receipt } = await createInquiry(
    ctx(hotline),
    CreateInquiryBody.parse({
      source: 'national_hotline',
      channel: 'hotline',
      reporter: { anonymous: false, name: 'Demo Opringer', contact: 'Via hotline' },
      receivedAt: new Date().toISOString(),
      observation:
        'En mor ringer om sin søn på 19, der deler voldsforherligende videoer og har trukket sig fra familien. Sønnen bor i Demo Nabokommune.',
      subjectKind: 'person',
      immediateDanger: false,
      signs: [],
      persons: [
        { new: { givenName: 'Demo Oliver', familyName: 'Flyttesen', birthDate: '2007-02-11' } },
      ],
    }),
    'demo-transfer-inquiry',
    new Date(),
  );
  const place = await findForwardingPlace(db, hotline, receipt.id);
  if (place && place.status === 'received') {
    await forwardInquiry(ctx(hotline), place, {
      id: FORWARDING_ID,
      toMunicipalityCode: DEMO_NEIGHBOUR_CODE,
      reason: 'Borgeren bor i Demo Nabokommune.',
      version: place.version,
    });
  }

  // 2. A case of Demo Kommune proposed transferred: the citizen moves to Demo Nabokommune.
  const candidate = await db
    .selectFrom('cases')
    .innerJoin('case_members as m', (j) =>
      j.onRef('m.case_id', '=', 'cases.id').on('m.role', '=', 'coordinator'),
    )
    .select('cases.id')
    .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('cases.is_demo', '=', true)
    .where('cases.status', '=', 'active')
    .where('m.user_id', '=', tovholder.id)
    .orderBy('cases.opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const access = candidate && (await findCaseAccess(db, tovholder, candidate.id));
  if (access) {
    await proposeTransfer(ctx(tovholder), access, {
      id: TRANSFER_ID,
      toMunicipalityCode: DEMO_NEIGHBOUR_CODE,
      reason:
        'Borgeren flytter til Demo Nabokommune den 1. i næste måned og ønsker forløbet fortsat der.',
      legalBasis: 'value_leap',
      parts: ['identity', 'work_summary'],
    });
  }
  await db.transaction().execute((trx) => setMarker(trx, MARKER, new Date()));
}
