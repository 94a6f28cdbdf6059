import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { consentFormPdf } from '../../modules/case-interventions/consent-letter.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { dayAgo, ago, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * Consent in Demo Kommune (issue 13 part 4, docs/CONSENT.md): in the first active demo case with
 * an adult citizen, a written consent to share the plan and education/employment with the demo
 * jobcenter (a municipal unit, added as a partner organisation here), signed and with its
 * scanned copy (the printed form itself), valid for six months; and an oral consent to one
 * disclosure to the school, before a witness, later withdrawn. Fictional texts; added once, also
 * to older demo installations (its own marker).
 */
const MARKER = 'demo_consents_seeded_at';
const JOBCENTER_ID = '5e1f0a00-0000-4000-8000-0000000000c1';

export async function seedDemoConsents(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411932)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder']);
    if (!c) return;
    const adultBorn = dayAgo(now, 365 * 18 + 5);
    const found = await trx
      .selectFrom('cases')
      .innerJoin('case_persons as cp', (j) =>
        j.onRef('cp.case_id', '=', 'cases.id').on('cp.role', '=', 'citizen'),
      )
      .innerJoin('persons as p', 'p.id', 'cp.person_id')
      .select(['cases.id', 'cases.reference', 'p.id as person_id', 'p.given_name', 'p.family_name'])
      .where('cases.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('cases.is_demo', '=', true)
      .where('cases.status', '=', 'active')
      .where('p.birth_date', '<=', adultBorn)
      .orderBy('cases.opened_at')
      .limit(1)
      .executeTakeFirst();
    if (!found) return;
    await trx
      .insertInto('partner_organisations')
      .values({
        id: JOBCENTER_ID,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        name: 'Demo Jobcenter',
        kind: 'jobcenter',
        contact_email: 'jobcenter@demo-kommune.example',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const by = c.user('demo.tovholder').id;
    const givenOn = dayAgo(now, 20);
    const validTo = dayAgo(now, -160);
    const purpose =
      'Samarbejde med jobcentret om uddannelse og job: jobcentret må se handleplanen og oplysninger om uddannelse og beskæftigelse.';
    const scan = await consentFormPdf({
      locale: 'da',
      reference: found.reference,
      personName: `${found.given_name} ${found.family_name}`,
      custodyHolders: [],
      purpose,
      uses: ['standing_access'],
      categories: ['plan', 'education_employment'],
      organisations: [{ name: 'Demo Jobcenter', kind: 'jobcenter' }],
      organisationKinds: [],
      validFrom: givenOn,
      validTo,
      now: ago(now, 20),
      letterhead: { municipality: 'Demo Kommune', contact: null },
    });
    await trx
      .insertInto('case_consents')
      .values({
        id: randomUUID(),
        case_id: found.id,
        person_id: found.person_id,
        given_by: 'person',
        purpose,
        method: 'written',
        given_on: givenOn,
        recorded_by: by,
        recorded_at: ago(now, 20),
        uses: ['standing_access'],
        categories: ['plan', 'education_employment'],
        organisation_ids: [JOBCENTER_ID],
        valid_from: givenOn,
        valid_to: validTo,
        signed_on: dayAgo(now, 18),
        scan,
        scan_media_type: 'application/pdf',
        scan_added_at: ago(now, 18),
        scan_added_by: by,
        version: 3,
      })
      .execute();
    await event(c, found.id, 20, 'demo.tovholder', 'consent_recorded', {
      personRole: { from: null, to: 'citizen' },
      givenBy: { from: null, to: 'person' },
      method: { from: null, to: 'written' },
      givenOn: { from: null, to: givenOn },
      validTo: { from: null, to: validTo },
    });
    await event(c, found.id, 18, 'demo.tovholder', 'consent_changed', {
      signedOn: { from: null, to: dayAgo(now, 18) },
    });

    const oralOn = dayAgo(now, 40);
    await trx
      .insertInto('case_consents')
      .values({
        id: randomUUID(),
        case_id: found.id,
        person_id: found.person_id,
        given_by: 'person',
        purpose: 'At kommunen må fortælle skolen, at der er en plan for fremmøde.',
        method: 'oral',
        witness: 'Sagsbehandler i Demo Kommune',
        given_on: oralOn,
        recorded_by: by,
        recorded_at: ago(now, 40),
        uses: ['single_disclosure'],
        categories: ['plan'],
        organisation_kinds: ['school'],
        valid_from: oralOn,
        valid_to: dayAgo(now, -50),
        withdrawn_on: dayAgo(now, 10),
      })
      .execute();
    await event(c, found.id, 40, 'demo.tovholder', 'consent_recorded', {
      personRole: { from: null, to: 'citizen' },
      givenBy: { from: null, to: 'person' },
      method: { from: null, to: 'oral' },
      givenOn: { from: null, to: oralOn },
    });
    await event(c, found.id, 10, 'demo.tovholder', 'consent_withdrawn', {
      withdrawnOn: { from: null, to: dayAgo(now, 10) },
    });
    await setMarker(trx, MARKER, now);
  });
}
