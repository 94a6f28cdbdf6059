import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { accessDeadline } from '../../../shared/access-requests.ts';
import type { DB } from '../../platform/db/schema.ts';
import { assembleDraft } from '../../modules/access-requests/assemble.ts';
import { insertItems, insertRequest } from '../../modules/access-requests/queries.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, dayAgo, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * Citizens' access requests in Demo Kommune (issue 13 part 7): one open request (the GDPR art. 15
 * kind, received ten days ago, its draft assembled by the product, two items reviewed) and one
 * released (a party's access, received a month ago: the other persons on the case left out as
 * third parties, approved by a second data-protection user, released by the data-protection role — with its entry
 * in the disclosure register and its chronology event). Fictional, added once (its own marker).
 */
const MARKER = 'demo_access_requests_seeded_at';
const DPO = 'demo.databeskyttelse';
const APPROVER = 'demo.jurist';

export async function seedDemoAccessRequests(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411940)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, [DPO, APPROVER]);
    if (!c) return;
    const citizens = await trx
      .selectFrom('cases')
      .innerJoin('case_persons as cp', (j) =>
        j.onRef('cp.case_id', '=', 'cases.id').on('cp.role', '=', 'citizen'),
      )
      .select(['cases.id as case_id', 'cp.person_id'])
      .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('cases.is_demo', '=', true)
      .where('cases.status', '=', 'active')
      .orderBy('cases.opened_at')
      .limit(2)
      .execute();
    const dpo = c.user(DPO).id;
    const approver = c.user(APPROVER).id;
    for (const [i, citizen] of citizens.entries()) {
      const released = i === 1;
      const id = randomUUID();
      const kind = released ? 'party_access' : 'data_subject_access';
      const receivedOn = dayAgo(now, released ? 30 : 10);
      await insertRequest(trx, {
        id,
        municipalityCode: DEMO_MUNICIPALITY_CODE,
        personId: citizen.person_id,
        kind,
        channel: released ? 'digital_post' : 'letter',
        receivedOn,
        deadlineOn: accessDeadline(kind, receivedOn),
        registeredBy: dpo,
      });
      const draft = await assembleDraft(
        trx,
        { id: citizen.person_id, municipalityCode: DEMO_MUNICIPALITY_CODE },
        'da',
      );
      await insertItems(trx, DEMO_MUNICIPALITY_CODE, id, draft);
      const items = await trx
        .selectFrom('access_request_items')
        .select(['id', 'position', 'source', 'lines'])
        .where('request_id', '=', id)
        .orderBy('position')
        .execute();
      for (const item of released ? items : items.slice(0, 2)) {
        const lines = item.lines as { label: string }[];
        const others = lines.flatMap((l, n) => (l.label === 'otherPerson' ? [n] : []));
        const redact = item.source === 'case' && others.length > 0;
        await trx
          .updateTable('access_request_items')
          .set({
            decision: redact ? 'redact' : 'release',
            exemption: redact ? 'third_party' : null,
            reason: redact
              ? 'Oplysninger om familiemedlemmer udleveres ikke uden deres samtykke.'
              : null,
            redacted_lines: redact ? others : [],
            decided_by: dpo,
            decided_at: ago(now, released ? 25 : 2),
            version: 2,
          })
          .where('id', '=', item.id)
          .execute();
      }
      if (!released) continue;
      const disclosureId = randomUUID();
      const today = dayAgo(now, 24);
      await trx
        .insertInto('disclosures')
        .values({
          id: disclosureId,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          case_id: null,
          disclosed_on: today,
          recipient_organisation: 'Borgeren selv (aktindsigt)',
          recipient_kind: 'citizen',
          recipient_person: null,
          categories: ['identity', 'case_history', 'documents'],
          documents: `Aktindsigtspakke: ${items.length}`,
          legal_basis: 'Forvaltningsloven § 9 (partsaktindsigt)',
          purpose: 'Aktindsigt efter borgerens anmodning',
          decided_by: 'Bo Demo-Koordinator',
          channel: 'product',
          recorded_by_hand: false,
          product_source: 'access_request_package',
          recorded_by: dpo,
          recorded_at: ago(now, 24),
        })
        .execute();
      await trx
        .insertInto('disclosure_persons')
        .values({ disclosure_id: disclosureId, person_id: citizen.person_id })
        .execute();
      await trx
        .updateTable('access_requests')
        .set({
          status: 'released',
          approved_by: approver,
          approved_at: ago(now, 24),
          released_by: dpo,
          released_at: ago(now, 24),
          disclosure_id: disclosureId,
          version: 3,
        })
        .where('id', '=', id)
        .execute();
      await event(c, citizen.case_id, 24, DPO, 'access_request_released', {
        disclosedOn: { from: null, to: today },
      });
    }
    await setMarker(trx, MARKER, now);
  });
}
