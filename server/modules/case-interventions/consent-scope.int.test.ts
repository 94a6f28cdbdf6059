import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, createPerson } from '../../test/records.ts';
import { findCoveringConsent } from './consent-cover.ts';
import { runConsentExpiryJob } from './consent-job.ts';
import {
  t,
  caller,
  coordinator,
  fieldsOf,
  newCase,
  types,
  useCaseInterventionFixtures,
} from './case-interventions.fixtures.ts';

/**
 * Consent as tool 2 describes it (docs/CONSENT.md): the scope rules and their Danish refusals
 * with nothing stored, the written form printed, signed and scanned, the one covering check,
 * withdrawal with immediate effect, and expiry told to the coordinators once by the daily job
 * (a controllable clock).
 */
// The production body limit (1 MB), so a scan just over its own limit is refused by name.
useCaseInterventionFixtures({ bodyLimitBytes: 1024 * 1024 });

let child: { id: string };
let parent: { id: string };
let adult: { id: string };
let childCase: { id: string };
let adultCase: { id: string };
let jobcenter = '';
let elsewhere = '';

const url = (caseId: string, path = '') => `/api/cases/${caseId}${path}`;
const consentRows = async () =>
  (await t.database.db.selectFrom('case_consents').select('id').execute()).length;
const listed = async (caseId: string) =>
  (
    (await caller('coordinator').get(url(caseId, '/interventions'))).json() as {
      consents: { id: string; status: string; version: number; scan: unknown }[];
    }
  ).consents;

/** A sharing consent for the adult, with a jobcenter, valid for 2025. */
const sharing = (extra: Record<string, unknown> = {}) => ({
  personId: adult.id,
  givenBy: 'person',
  purpose: 'Samarbejde med jobcentret om uddannelse og job efter løsladelsen',
  uses: ['standing_access', 'single_disclosure'],
  categories: ['identity', 'plan', 'education_employment'],
  organisationIds: [jobcenter],
  method: 'written',
  givenOn: '2025-02-01',
  validTo: '2025-06-30',
  ...extra,
});

beforeAll(async () => {
  const db = t.database.db;
  child = await createPerson(db, { givenName: 'Mads', familyName: 'Holm' });
  parent = await createPerson(db, { givenName: 'Hanne', familyName: 'Holm' });
  adult = await createPerson(db, { givenName: 'Jonas', familyName: 'Berg' });
  await db
    .updateTable('persons')
    .set({ birth_date: '1990-05-05' })
    .where('id', 'in', [parent.id, adult.id])
    .execute();
  childCase = await newCase([{ id: child.id }, { id: parent.id, role: 'parent' }]);
  await db
    .updateTable('case_persons')
    .set({ custody_holder: true })
    .where('case_id', '=', childCase.id)
    .where('person_id', '=', parent.id)
    .execute();
  adultCase = await newCase([{ id: adult.id }]);
  const org = (municipality_code: string, name: string) =>
    db
      .insertInto('partner_organisations')
      .values({ municipality_code, name, kind: 'municipal_unit' })
      .returning('id')
      .executeTakeFirstOrThrow();
  jobcenter = (await org('101', 'Jobcenter Vest')).id;
  elsewhere = (await org('147', 'Jobcenter Andetsteds')).id;
});

describe(`consent as tool 2 describes it (${testEngine})`, () => {
  it('refuses a bad consent on its field in Danish and stores nothing', async () => {
    const before = await consentRows();
    const refused = async (body: Record<string, unknown>, caseId = adultCase.id) => {
      const res = await caller('coordinator').post(url(caseId, '/consents'), body);
      expect(res.statusCode).toBe(400);
      return fieldsOf(res);
    };
    expect(await refused(sharing({ purpose: '' }))).toEqual([
      expect.stringMatching(/^body\.purpose:/),
    ]);
    expect(await refused(sharing({ categories: [] }))).toEqual([
      'body.categories:consent_categories_required',
    ]);
    expect(await refused(sharing({ organisationIds: [] }))).toEqual([
      'body.organisationIds:consent_recipient_required',
    ]);
    expect(await refused(sharing({ validFrom: '2025-03-01', validTo: '2025-02-28' }))).toEqual([
      'body.validTo:consent_period_order',
    ]);
    expect(await refused(sharing({ validTo: undefined }))).toEqual([
      'body.validTo:consent_valid_to_required',
    ]);
    expect(await refused(sharing({ method: 'oral' }))).toEqual([
      'body.witness:consent_witness_required',
    ]);
    expect(await refused(sharing({ organisationIds: [elsewhere] }))).toEqual([
      'body.organisationIds.0:consent_organisation_unknown',
    ]);
    const forChild = sharing({ personId: child.id, givenBy: 'guardian' });
    expect(await refused(forChild, childCase.id)).toEqual([
      'body.custodyHolderIds:consent_custody_holder_required',
    ]);
    expect(await refused({ ...forChild, custodyHolderIds: [child.id] }, childCase.id)).toEqual([
      'body.custodyHolderIds.0:consent_not_custody_holder',
    ]);
    const danish = await caller('coordinator').post(
      url(adultCase.id, '/consents'),
      sharing({ method: 'oral' }),
    );
    expect(JSON.stringify(danish.json())).toContain('Et mundtligt samtykke skal have et vidne');
    expect(await consentRows()).toBe(before);

    // A child's consent given by the custody holder is recorded, naming them.
    const ok = await caller('coordinator').post(url(childCase.id, '/consents'), {
      ...forChild,
      custodyHolderIds: [parent.id],
      validTo: null,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('prints the form, awaits the signature, records it signed and keeps the scan', async () => {
    const id = randomUUID();
    const created = await caller('coordinator').post(
      url(adultCase.id, '/consents'),
      sharing({ id, awaitingSignature: true, validTo: null }),
    );
    expect(created.statusCode).toBe(201);
    expect((await listed(adultCase.id)).find((c) => c.id === id)?.status).toBe(
      'awaiting_signature',
    );
    const q = {
      municipalityCode: '101',
      caseId: adultCase.id,
      organisationId: jobcenter,
      categories: ['plan' as const],
      use: 'standing_access' as const,
      on: '2025-03-01',
    };
    expect(await findCoveringConsent(t.database.db, q)).toBeNull();

    const form = await caller('coordinator').get(url(adultCase.id, `/consents/${id}/form.pdf`));
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toContain('application/pdf');
    expect(form.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const formAudit = await auditRowsOf(t.database.db, form);
    expect(formAudit.map((r) => [r.action, (r.details as { read?: string }).read])).toContainEqual([
      'read',
      'consent_form',
    ]);

    const signed = await caller('coordinator').post(url(adultCase.id, `/consents/${id}/signed`), {
      version: 1,
      signedOn: '2025-02-10',
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toEqual({ id, version: 2 });
    const stale = await caller('coordinator').post(url(adultCase.id, `/consents/${id}/signed`), {
      version: 1,
      signedOn: '2025-02-10',
    });
    expect(stale.statusCode).toBe(409);
    expect(await findCoveringConsent(t.database.db, q)).toEqual({ id, validTo: null });
    expect(await findCoveringConsent(t.database.db, { ...q, on: '2025-02-09' })).toBeNull();
    expect(await findCoveringConsent(t.database.db, { ...q, categories: ['health'] })).toBeNull();
    expect(await findCoveringConsent(t.database.db, { ...q, use: 'counselling' })).toBeNull();
    expect(
      await findCoveringConsent(t.database.db, {
        ...q,
        organisationId: elsewhere,
        organisationKind: 'jobcenter',
      }),
    ).toBeNull();
    expect(await findCoveringConsent(t.database.db, { ...q, municipalityCode: '147' })).toBeNull();

    // The scan: checked by its bytes and size; nothing stored when refused.
    const scanUrl = url(adultCase.id, `/consents/${id}/scan`);
    const text = Buffer.from('not a scan, only text').toString('base64');
    const badType = await caller('coordinator').put(scanUrl, { version: 2, file: text });
    expect(fieldsOf(badType)).toEqual(['body.file:consent_scan_type']);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(620 * 1024)]);
    const tooBig = await caller('coordinator').put(scanUrl, {
      version: 2,
      file: big.toString('base64'),
    });
    expect(fieldsOf(tooBig)).toEqual(['body.file:consent_scan_too_large']);
    expect((await caller('coordinator').get(scanUrl)).statusCode).toBe(404);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('scanned form')]);
    const stored = await caller('coordinator').put(scanUrl, {
      version: 2,
      file: pdf.toString('base64'),
    });
    expect(stored.statusCode).toBe(200);
    expect((await listed(adultCase.id)).find((c) => c.id === id)).toMatchObject({
      status: 'valid',
      version: 3,
      scan: { mediaType: 'application/pdf' },
    });
    const download = await caller('coordinator').get(scanUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const readAudit = await auditRowsOf(t.database.db, download);
    expect(readAudit.map((r) => (r.details as { read?: string }).read)).toContain('consent_scan');
  });

  it('a withdrawal has immediate effect, tells the coordinator, and cannot be repeated', async () => {
    const id = randomUUID();
    expect(
      (
        await caller('coordinator').post(
          url(adultCase.id, '/consents'),
          sharing({ id, validTo: null }),
        )
      ).statusCode,
    ).toBe(201);
    const q = { municipalityCode: '101', caseId: adultCase.id, consentId: id, on: '2025-04-01' };
    expect(await findCoveringConsent(t.database.db, q)).toEqual({ id, validTo: null });
    const withdrawn = await caller('caseworker').post(
      url(adultCase.id, `/consents/${id}/withdraw`),
      {
        withdrawnOn: '2025-04-01',
      },
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(await findCoveringConsent(t.database.db, q)).toBeNull();
    expect(await findCoveringConsent(t.database.db, { ...q, on: '2025-03-31' })).not.toBeNull();
    expect((await listed(adultCase.id)).find((c) => c.id === id)?.status).toBe('withdrawn');
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'details'])
      .where('kind', '=', 'consent_withdrawn')
      .execute();
    expect(told).toEqual([
      { user_id: coordinator.id, kind: 'consent_withdrawn', details: { consentId: id } },
    ]);
    const again = await caller('coordinator').post(url(adultCase.id, `/consents/${id}/withdraw`), {
      withdrawnOn: '2025-04-02',
    });
    expect(fieldsOf(again)).toEqual(['body.withdrawnOn:consent_already_withdrawn']);
  });

  it('expires after its valid-to date; the daily job tells the coordinator once', async () => {
    const id = randomUUID();
    expect(
      (await caller('coordinator').post(url(adultCase.id, '/consents'), sharing({ id })))
        .statusCode,
    ).toBe(201);
    const q = { municipalityCode: '101', caseId: adultCase.id, consentId: id };
    expect(await findCoveringConsent(t.database.db, { ...q, on: '2025-06-30' })).toEqual({
      id,
      validTo: '2025-06-30',
    });
    expect(await findCoveringConsent(t.database.db, { ...q, on: '2025-07-01' })).toBeNull();
    const told = async () =>
      t.database.db
        .selectFrom('notifications')
        .select(['user_id', 'case_id', 'details'])
        .where('kind', '=', 'consent_expired')
        .execute();
    // 30 June 23:59 in Denmark: still valid.
    expect(await runConsentExpiryJob(t.database.db, new Date('2025-06-30T21:59:00Z'))).toBe(0);
    // 1 July 00:30 in Denmark: expired, told once.
    expect(await runConsentExpiryJob(t.database.db, new Date('2025-06-30T22:30:00Z'))).toBe(1);
    expect(await runConsentExpiryJob(t.database.db, new Date('2025-07-02T08:00:00Z'))).toBe(0);
    expect(await told()).toEqual([
      { user_id: coordinator.id, case_id: adultCase.id, details: { consentId: id } },
    ]);
    expect((await listed(adultCase.id)).find((c) => c.id === id)?.status).toBe('expired');
  });

  it('the § 12 b rule uses the same records: only a consent covering counselling starts it', async () => {
    const created = await caller('coordinator').post(url(adultCase.id, '/interventions'), {
      interventionTypeId: types.s12b,
      personId: adult.id,
      providerName: 'Rådgivningen',
    });
    expect(created.statusCode).toBe(201);
    const interventionId = (created.json() as { id: string }).id;
    const start = () =>
      caller('coordinator').patch(url(adultCase.id, `/interventions/${interventionId}`), {
        version: 1,
        status: 'active',
        startsOn: '2025-05-01',
      });
    // The sharing consents above do not cover counselling.
    expect(fieldsOf(await start())).toEqual(['body.status:consent_required']);
    const counselling = await caller('coordinator').post(url(adultCase.id, '/consents'), {
      personId: adult.id,
      givenBy: 'person',
      purpose: 'Rådgivning efter serviceloven § 12 b',
      method: 'oral',
      witness: 'Rådgiveren Lise Holm',
      givenOn: '2025-04-20',
    });
    expect(counselling.statusCode).toBe(201);
    expect((await start()).statusCode).toBe(200);
  });
  it('a consent-based disclosure is refused when no valid consent covers it', async () => {
    const consentId = randomUUID();
    const given = await caller('coordinator').post(
      url(adultCase.id, '/consents'),
      sharing({ id: consentId, validTo: null }),
    );
    expect(given.statusCode).toBe(201);
    const disclosures = url(adultCase.id, '/disclosures');
    const body = (extra: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      disclosedOn: '2025-03-15',
      recipientOrganisation: 'Jobcenter Vest',
      recipientKind: 'municipal_unit',
      recipientOrganisationId: jobcenter,
      categories: ['plan'],
      legalBasis: 'Samtykke (databeskyttelsesforordningen art. 6, stk. 1, litra a)',
      purpose: 'Plan for uddannelse efter løsladelsen',
      decidedBy: 'Tovholderen',
      channel: 'meeting',
      personIds: [adult.id],
      consentId,
      ...extra,
    });
    const stored = async () =>
      (await t.database.db.selectFrom('disclosures').select('id').execute()).length;
    const before = await stored();
    const unnamed = await caller('coordinator').post(disclosures, body({ consentId: undefined }));
    expect(fieldsOf(unnamed)).toEqual(['body.consentId:disclosure_consent_required']);
    const health = await caller('coordinator').post(disclosures, body({ categories: ['health'] }));
    expect(fieldsOf(health)).toEqual(['body.consentId:disclosure_consent_not_covering']);
    const police = await caller('coordinator').post(
      disclosures,
      body({ recipientOrganisationId: undefined, recipientKind: 'police' }),
    );
    expect(fieldsOf(police)).toEqual(['body.consentId:disclosure_consent_not_covering']);
    const foreign = await caller('coordinator').post(
      disclosures,
      body({ recipientOrganisationId: elsewhere }),
    );
    expect(fieldsOf(foreign)).toEqual([
      'body.recipientOrganisationId:disclosure_organisation_unknown',
    ]);
    expect(await stored()).toBe(before);

    const covered = await caller('coordinator').post(disclosures, body());
    expect(covered.statusCode, covered.body).toBe(201);

    // Withdrawn: a disclosure on it afterwards is refused, one dated before still fits.
    await caller('coordinator').post(url(adultCase.id, `/consents/${consentId}/withdraw`), {
      withdrawnOn: '2025-04-01',
    });
    const afterwards = await caller('coordinator').post(
      disclosures,
      body({ disclosedOn: '2025-04-01' }),
    );
    expect(fieldsOf(afterwards)).toEqual(['body.consentId:disclosure_consent_not_covering']);
    expect(JSON.stringify(afterwards.json())).toContain('Intet gyldigt samtykke');
    expect(await stored()).toBe(before + 1);
  });
});
