import { randomUUID } from 'node:crypto';
import { danishToday } from '../modules/cases/chronology.ts';
import { freshRecords } from './write-world.ts';
import { send } from './access-matrix.ts';
import { CONSENT_PROBES } from './id-probes-consents.ts';
import {
  bodyProbe,
  subPathProbe,
  validWrite,
  type IdProbe,
  type ProbeWorld,
} from './record-ids.ts';

/**
 * Record ids in case requests: a second path id naming a sub-record of a case the caller may not
 * see (an assessment, plan, intervention … of another team's case), body fields naming a person,
 * user, unit, catalogue entry or intervention outside the caller's reach, query filters, and
 * client-generated ids that happen to be another case's record.
 */
const theirCitizen = async (x: ProbeWorld) => (await freshRecords(x.foreign)).citizenId;
const otherUser = async (x: ProbeWorld) => x.other.user.caller.userId ?? '';
const otherUnit = async (x: ProbeWorld) => x.other.unitId;
const otherType = async (x: ProbeWorld) => x.other.typeId;

/** A client id: another case's record (hidden) against one in a case of the caller's (visible). */
function clientIdProbe(key: string, madeBy: string, param: string): IdProbe {
  const idOf = async (w: ProbeWorld['foreign']) =>
    String((await validWrite(w, madeBy)).prepared[param]);
  const probe = bodyProbe(
    key,
    'body.id',
    (b, id) => ({ ...b, id }),
    (x) => idOf(x.foreign),
  );
  return { ...probe, visibleTwin: (x) => idOf(x) };
}

/** A case's interventions of another team: one to name in a closure's dispositions. */
async function theirIntervention(x: ProbeWorld): Promise<string> {
  const write = await validWrite(x.foreign, 'PATCH /api/cases/{id}/interventions/{interventionId}');
  return String(write.prepared.interventionId);
}

const INTERVENTIONS = 'POST /api/cases/{id}/interventions';
const CONSENTS = 'POST /api/cases/{id}/consents';
const OFFERS = 'POST /api/cases/{id}/offers';
const FOLLOW_UPS = 'POST /api/cases/{id}/follow-ups';
const CLOSURE = 'POST /api/cases/{id}/closure';
const DISCLOSURES = 'POST /api/cases/{id}/disclosures';

/** A disclosure recorded on a fresh case of `w`: its client id (used again on another case). */
async function disclosureOf(w: ProbeWorld['foreign']): Promise<string> {
  const write = await validWrite(w, DISCLOSURES);
  const res = await send(w.t, write.caller, 'POST', write.url, write.body);
  if (res.status !== 201) throw new Error(`disclosure not recorded: ${res.status}`);
  return String(write.body?.id);
}

const NOTICES = 'POST /api/cases/{id}/notices';

/** A notice recorded in a fresh case of `w` (the caller's world or another team's): its id. */
async function noticeIn(w: ProbeWorld['foreign']): Promise<string> {
  const r = await freshRecords(w);
  const id = randomUUID();
  await w.members.coordinator.as.post(`/api/cases/${r.caseId}/notices`, {
    id,
    outcome: 'exempted',
    exemption: 'police_request',
    reason: 'Politiet har bedt om at vente.',
    givenOn: danishToday(new Date()),
  });
  return id;
}

export const CASE_PROBES: IdProbe[] = [
  ...CONSENT_PROBES,
  bodyProbe(DISCLOSURES, 'body.personIds.*', (b, id) => ({ ...b, personIds: [id] }), theirCitizen),
  {
    ...bodyProbe(
      DISCLOSURES,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => disclosureOf(x.foreign),
    ),
    visibleTwin: (x) => disclosureOf(x),
  },
  // A second path id: a sub-record of another team's case, under the caller's own case.
  subPathProbe('DELETE /api/cases/{id}/members/{userId}', 'userId'),
  subPathProbe('POST /api/cases/{id}/persons/{personId}/removal', 'personId'),
  subPathProbe('POST /api/cases/{id}/persons/{personId}/custody', 'personId'),
  subPathProbe('PUT /api/cases/{id}/assessments/{assessmentId}', 'assessmentId'),
  subPathProbe('POST /api/cases/{id}/assessments/{assessmentId}/finalise', 'assessmentId'),
  subPathProbe('PUT /api/cases/{id}/plans/{planId}', 'planId'),
  subPathProbe('POST /api/cases/{id}/plans/{planId}/submit', 'planId'),
  subPathProbe('POST /api/cases/{id}/plans/{planId}/approve', 'planId'),
  subPathProbe('POST /api/cases/{id}/plans/{planId}/reject', 'planId'),
  subPathProbe('PATCH /api/cases/{id}/interventions/{interventionId}', 'interventionId'),
  subPathProbe('POST /api/cases/{id}/interventions/{interventionId}/sessions', 'interventionId'),
  subPathProbe('POST /api/cases/{id}/consents/{consentId}/withdraw', 'consentId'),
  subPathProbe('POST /api/cases/{id}/offers/{offerId}/answer', 'offerId'),
  subPathProbe('POST /api/cases/{id}/offers/{offerId}/make', 'offerId'),
  subPathProbe('POST /api/cases/{id}/follow-ups/{followUpId}/record', 'followUpId'),
  subPathProbe('POST /api/cases/{id}/follow-ups/{followUpId}/cancel', 'followUpId'),
  subPathProbe('POST /api/cases/{id}/closure/{closureId}/approve', 'closureId'),
  subPathProbe('POST /api/cases/{id}/closure/{closureId}/reject', 'closureId'),
  subPathProbe('POST /api/cases/{id}/reviews/{reviewId}', 'reviewId'),
  subPathProbe('PATCH /api/cases/{id}/filings/{filingId}', 'filingId'),
  subPathProbe('POST /api/cases/{id}/filings/{filingId}/withdrawal', 'filingId'),

  // Body fields naming a user, unit, person, catalogue entry or intervention.
  bodyProbe(
    'POST /api/cases/{id}/members',
    'body.userId',
    (b, id) => ({ ...b, userId: id }),
    otherUser,
  ),
  bodyProbe(
    'POST /api/cases/{id}/members',
    'body.unitId',
    (b, id) => ({ ...b, unitId: id }),
    otherUnit,
  ),
  bodyProbe(
    'POST /api/cases/{id}/persons',
    'body.existingPersonId',
    (b, id) => ({ version: b.version, role: b.role, existingPersonId: id }),
    theirCitizen,
  ),
  bodyProbe(INTERVENTIONS, 'body.personId', (b, id) => ({ ...b, personId: id }), theirCitizen),
  bodyProbe(
    INTERVENTIONS,
    'body.interventionTypeId',
    (b, id) => ({ ...b, interventionTypeId: id }),
    otherType,
  ),
  bodyProbe(
    INTERVENTIONS,
    'body.providerUserId',
    (b, id) => ({ ...b, providerUserId: id }),
    otherUser,
  ),
  bodyProbe(
    'PATCH /api/cases/{id}/interventions/{interventionId}',
    'body.providerUserId',
    (b, id) => ({ ...b, providerUserId: id }),
    otherUser,
  ),
  bodyProbe(
    INTERVENTIONS,
    'body.participantIds.*',
    (b, id) => ({ ...b, form: 'group', participantIds: [b.personId, id] }),
    theirCitizen,
  ),
  bodyProbe(
    'PATCH /api/cases/{id}/interventions/{interventionId}',
    'body.participantIds.*',
    (b, id) => ({ ...b, form: 'group', participantIds: [id] }),
    theirCitizen,
  ),
  bodyProbe(CONSENTS, 'body.personId', (b, id) => ({ ...b, personId: id }), theirCitizen),
  bodyProbe(OFFERS, 'body.personId', (b, id) => ({ ...b, personId: id }), theirCitizen),
  bodyProbe(
    OFFERS,
    'body.interventionTypeId',
    (b, id) => ({ ...b, interventionTypeId: id }),
    otherType,
  ),
  bodyProbe(
    CLOSURE,
    'body.transferredUnitId',
    (b, id) => ({ ...b, outcome: 'transferred', transferredUnitId: id }),
    otherUnit,
  ),
  bodyProbe(
    CLOSURE,
    'body.interventionDispositions.*.interventionId',
    (b, id) => ({ ...b, interventionDispositions: [{ interventionId: id, disposition: 'end' }] }),
    theirIntervention,
  ),
  bodyProbe(
    'POST /api/cases/{id}/status',
    'body.interventions.*.id',
    (b, id) => ({ ...b, status: 'active', interventions: [{ id, action: 'resume' }] }),
    theirIntervention,
  ),
  bodyProbe(
    'PUT /api/cases/{id}/plans/{planId}',
    'body.goals.*.responsible.userId',
    (b, id) => ({
      ...b,
      goals: (b.goals as Record<string, unknown>[]).map((g) => ({
        ...g,
        responsible: { userId: id },
      })),
    }),
    otherUser,
  ),

  // Client-generated ids that are another case's record.
  clientIdProbe(
    INTERVENTIONS,
    'PATCH /api/cases/{id}/interventions/{interventionId}',
    'interventionId',
  ),
  clientIdProbe(CONSENTS, 'POST /api/cases/{id}/consents/{consentId}/withdraw', 'consentId'),
  clientIdProbe(OFFERS, 'POST /api/cases/{id}/offers/{offerId}/answer', 'offerId'),
  clientIdProbe(FOLLOW_UPS, 'POST /api/cases/{id}/follow-ups/{followUpId}/cancel', 'followUpId'),
  clientIdProbe(CLOSURE, 'POST /api/cases/{id}/closure/{closureId}/reject', 'closureId'),
  {
    ...bodyProbe(
      NOTICES,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => noticeIn(x.foreign),
    ),
    visibleTwin: (x) => noticeIn(x),
  },
  bodyProbe(
    NOTICES,
    'body.personId',
    (b, id) => ({ ...b, id: randomUUID(), personId: id }),
    theirCitizen,
  ),

  // Query filters of a case's reads.
  // The overview's coordinator filter: a user of another municipality answers as a missing one.
  {
    key: 'GET /api/cases query.coordinatorId',
    setup: async (x) => ({
      hidden: await otherUser(x),
      request: {
        caller: x.members.coordinator.caller,
        method: 'GET',
        url: (id) => `/api/cases?coordinatorId=${id}`,
      },
    }),
  },
  {
    key: 'POST /api/cases/search body.coordinatorId',
    setup: async (x) => ({
      hidden: await otherUser(x),
      request: {
        caller: x.members.coordinator.caller,
        method: 'POST',
        url: () => '/api/cases/search',
        body: (id) => ({ text: 'Testperson', coordinatorId: id }),
      },
    }),
  },
  {
    key: 'GET /api/cases/{id}/chronology query.authorId',
    setup: async (x) => {
      const theirs = await freshRecords(x.foreign);
      const author = x.foreign.members.coordinator;
      await author.as.post(`/api/cases/${theirs.caseId}/notes`, { text: 'Samtale med familien.' });
      const r = await freshRecords(x);
      return {
        hidden: author.caller.userId ?? '',
        request: {
          caller: x.members.coordinator.caller,
          method: 'GET',
          url: (id) => `/api/cases/${r.caseId}/chronology?authorId=${id}`,
        },
      };
    },
  },
  {
    key: 'GET /api/cases/{id}/notice-letter.pdf query.personId',
    setup: async (x) => {
      const r = await freshRecords(x);
      return {
        hidden: await theirCitizen(x),
        request: {
          caller: x.members.coordinator.caller,
          method: 'GET',
          url: (id) => `/api/cases/${r.caseId}/notice-letter.pdf?personId=${id}`,
        },
      };
    },
  },
  {
    key: 'GET /api/cases/{id}/plan.pdf query.planId',
    setup: async (x) => {
      const theirs = await validWrite(x.foreign, 'POST /api/cases/{id}/plans/{planId}/approve');
      const own = await validWrite(x, 'POST /api/cases/{id}/plans/{planId}/approve');
      return {
        hidden: String(theirs.prepared.planId),
        request: {
          caller: own.caller,
          method: 'GET',
          url: (id) => `/api/cases/${own.records.caseId}/plan.pdf?planId=${id}`,
        },
      };
    },
  },
  {
    key: 'GET /api/cases/{id}/filing-export query.planId',
    setup: async (x) => {
      const theirs = await validWrite(x.foreign, 'POST /api/cases/{id}/plans/{planId}/approve');
      const own = await validWrite(x, 'POST /api/cases/{id}/plans/{planId}/approve');
      return {
        hidden: String(theirs.prepared.planId),
        request: {
          caller: own.caller,
          method: 'GET',
          url: (id) => `/api/cases/${own.records.caseId}/filing-export?document=plan&planId=${id}`,
        },
      };
    },
  },
];
