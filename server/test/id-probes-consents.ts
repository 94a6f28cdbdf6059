import { freshRecords } from './write-world.ts';
import {
  bodyProbe,
  subPathProbe,
  validWrite,
  type IdProbe,
  type ProbeWorld,
} from './record-ids.ts';

/**
 * Record ids in consent requests (docs/CONSENT.md): the consent named by a second path id (its
 * form, its scan, its signature), the partner organisations and custody holders a consent names,
 * and the consent and partner organisation a disclosure on the consent basis names.
 */
const SIGNED = 'POST /api/cases/{id}/consents/{consentId}/signed';
const CONSENTS = 'POST /api/cases/{id}/consents';
const DISCLOSURES = 'POST /api/cases/{id}/disclosures';

/** A partner organisation of another municipality (147). */
async function theirOrganisation(x: ProbeWorld): Promise<string> {
  const row = await x.t.database.db
    .insertInto('partner_organisations')
    .values({
      municipality_code: '147',
      name: `Jobcenter ${crypto.randomUUID()}`,
      kind: 'jobcenter',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
const theirCitizen = async (x: ProbeWorld) => (await freshRecords(x.foreign)).citizenId;
const theirConsent = async (x: ProbeWorld) =>
  String((await validWrite(x.foreign, SIGNED)).prepared.consentId);

/** A GET of one of the caller's own consents' documents, with another team's consent's id. */
function consentRead(path: 'form.pdf' | 'scan'): IdProbe {
  return {
    key: `GET /api/cases/{id}/consents/{consentId}/${path} path.consentId`,
    setup: async (x) => {
      const own = await validWrite(x, SIGNED);
      return {
        hidden: await theirConsent(x),
        request: {
          caller: own.caller,
          method: 'GET',
          url: (id) => `/api/cases/${own.records.caseId}/consents/${id}/${path}`,
        },
      };
    },
  };
}

export const CONSENT_PROBES: IdProbe[] = [
  subPathProbe(SIGNED, 'consentId'),
  subPathProbe('PUT /api/cases/{id}/consents/{consentId}/scan', 'consentId'),
  consentRead('form.pdf'),
  consentRead('scan'),
  bodyProbe(
    CONSENTS,
    'body.organisationIds.*',
    (b, id) => ({ ...b, organisationIds: [id] }),
    theirOrganisation,
  ),
  bodyProbe(
    CONSENTS,
    'body.custodyHolderIds.*',
    (b, id) => ({ ...b, custodyHolderIds: [id] }),
    theirCitizen,
  ),
  bodyProbe(DISCLOSURES, 'body.consentId', (b, id) => ({ ...b, consentId: id }), theirConsent),
  bodyProbe(
    DISCLOSURES,
    'body.recipientOrganisationId',
    (b, id) => ({ ...b, recipientOrganisationId: id }),
    theirOrganisation,
  ),
];
