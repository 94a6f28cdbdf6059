import { roleCaller } from './access-matrix.ts';
import {
  bodyProbe,
  subPathProbe,
  validWrite,
  type IdProbe,
  type ProbeWorld,
} from './record-ids.ts';
import { freshRecords } from './write-world.ts';

/**
 * Record ids in the requests of partner access (issue 13): an organisation of another
 * municipality, a user who is not the organisation's partner, an intervention or consent of
 * another team's case, an invitation of another case (path and client id), and a case the partner
 * is not invited to.
 */
const INVITE = 'POST /api/cases/{id}/partner-access';
const CHANGE = 'PUT /api/cases/{id}/partner-access/{accessId}';
const END = 'POST /api/cases/{id}/partner-access/{accessId}/end';

/** An organisation of another municipality (147). */
async function otherOrganisation(x: ProbeWorld): Promise<string> {
  const row = await x.t.database.db
    .insertInto('partner_organisations')
    .values({
      municipality_code: '147',
      name: `Psykiatri ${crypto.randomUUID()}`,
      kind: 'psychiatry',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function theirIntervention(x: ProbeWorld): Promise<string> {
  const write = await validWrite(x.foreign, 'PATCH /api/cases/{id}/interventions/{interventionId}');
  return String(write.prepared.interventionId);
}

async function theirConsent(x: ProbeWorld): Promise<string> {
  const write = await validWrite(x.foreign, 'POST /api/cases/{id}/consents/{consentId}/withdraw');
  return String(write.prepared.consentId);
}

/** An invitation made in a fresh case of `w`: its id. */
async function invitationIn(w: ProbeWorld['foreign']): Promise<string> {
  return String((await validWrite(w, CHANGE)).prepared.accessId);
}

/** A partner's own routes: a case they are not invited to answers as a missing one. */
function partnerCaseProbe(key: string, method: 'GET' | 'POST', suffix: string): IdProbe {
  return {
    key: `${key} path.caseId`,
    setup: async (x) => {
      const partner = await roleCaller(x.t, 'partner');
      return {
        hidden: (await freshRecords(x.foreign)).caseId,
        request: {
          caller: partner,
          method,
          url: (id) => `/api/partner/cases/${id}${suffix}`,
          body: () => (method === 'POST' ? { text: 'Bidrag' } : undefined),
        },
      };
    },
  };
}

export const PARTNER_PROBES: IdProbe[] = [
  bodyProbe(
    INVITE,
    'body.organisationId',
    (b, id) => ({ ...b, organisationId: id }),
    otherOrganisation,
  ),
  bodyProbe(
    INVITE,
    'body.partnerUserId',
    (b, id) => ({ ...b, newPartner: null, partnerUserId: id }),
    async (x) => x.other.user.caller.userId ?? '',
  ),
  bodyProbe(
    INVITE,
    'body.interventionIds.*',
    (b, id) => ({ ...b, parts: ['overview', 'ownInterventions'], interventionIds: [id] }),
    theirIntervention,
  ),
  bodyProbe(
    INVITE,
    'body.consentId',
    (b, id) => ({ ...b, legalBasis: 'consent', consentId: id }),
    theirConsent,
  ),
  {
    ...bodyProbe(
      INVITE,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => invitationIn(x.foreign),
    ),
    visibleTwin: (x) => invitationIn(x),
  },
  bodyProbe(
    CHANGE,
    'body.interventionIds.*',
    (b, id) => ({ ...b, parts: ['overview', 'ownInterventions'], interventionIds: [id] }),
    theirIntervention,
  ),
  subPathProbe(CHANGE, 'accessId'),
  subPathProbe(END, 'accessId'),
  partnerCaseProbe('GET /api/partner/cases/{caseId}', 'GET', ''),
  partnerCaseProbe('POST /api/partner/cases/{caseId}/contributions', 'POST', '/contributions'),
];
