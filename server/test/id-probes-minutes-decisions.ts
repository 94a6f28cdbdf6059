import type { IdProbe, ProbeWorld } from './record-ids.ts';
import { freshRecords } from './write-world.ts';
import { base, me, probe, type Build, type Meeting } from './id-probes-minutes.ts';

/**
 * Record ids a decision in a meeting's minutes hands to the record's own module (issue 14 part
 * 4): a unit, review, plan, closure, intervention, catalogue entry, person or user the caller
 * may not see is refused there exactly as an unused id, as on the record's page.
 */
const decision =
  (m: Meeting, itemId: string, action: (id: string) => object): Build =>
  () => ({
    method: 'POST',
    url: () => `${base(m.meetingId)}/items/${itemId}/decision`,
    body: (id) => ({ version: 1, action: action(id) }),
  });
/** A decision on the caller's own item of `kind`. */
const decide = (
  key: string,
  kind: string,
  hidden: (x: ProbeWorld, m: Meeting) => Promise<string> | string,
  action: (id: string, m: Meeting, x: ProbeWorld) => object,
  twin?: IdProbe['visibleTwin'],
) =>
  probe(
    `POST /api/meetings/{id}/minutes/items/{itemId}/decision ${key}`,
    hidden,
    (m, x) =>
      decision(m, kind === 'inquiry' ? m.inquiryItem : (m.items[kind] ?? ''), (id) =>
        action(id, m, x),
      )(m, x),
    twin,
  );

/** A case the caller does not work on (the foreign team's), for its sub-records. */
async function foreignCase(x: ProbeWorld) {
  return freshRecords(x.foreign);
}
async function interventionOf(x: ProbeWorld, caseId: string, personId: string) {
  const row = await x.t.database.db
    .insertInto('case_interventions')
    .values({
      case_id: caseId,
      intervention_type_id: x.typeId,
      person_id: personId,
      status: 'planned',
      created_by: x.foreign.members.coordinator.caller.userId ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
const foreignIntervention = async (x: ProbeWorld) => {
  const r = await foreignCase(x);
  return interventionOf(x, r.caseId, r.citizenId);
};
const foreignClosure = async (x: ProbeWorld) => {
  const r = await foreignCase(x);
  const row = await x.t.database.db
    .insertInto('case_closures')
    .values({
      case_id: r.caseId,
      outcome: 'handled',
      reason: 'Afsluttet.',
      proposed_by: x.foreign.members.coordinator.caller.userId ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};
const closure = (m: Meeting, extra: Record<string, unknown>) => ({
  kind: 'closure_proposed',
  closure: { outcome: 'handled', reason: 'Forløbet er slut.', ...extra },
});
const intervention = (x: ProbeWorld, m: Meeting, extra: Record<string, unknown>) => ({
  kind: 'intervention_added',
  intervention: { interventionTypeId: x.typeId, personId: m.citizenId, ...extra },
});

export const MINUTES_DECISION_PROBES: IdProbe[] = [
  decide('body.action.closureId', 'case', foreignClosure, (id) => ({
    kind: 'closure_approved',
    closureId: id,
  })),
  // The ids a decision hands to the record's own module: refused there as on the record's page.
  decide(
    'body.action.decision.referredUnitId',
    'inquiry',
    (x) => x.other.unitId,
    (id) => ({
      kind: 'inquiry_decision',
      decision: {
        outcome: 'other_concern',
        reason: 'Henvist.',
        referredUnitId: id,
        classification: { subjectKind: 'person' },
      },
    }),
  ),
  decide(
    'body.action.reviewId',
    're_review',
    async (x) => {
      const closureId = await foreignClosure(x);
      const db = x.t.database.db;
      const c = await db
        .selectFrom('case_closures')
        .select('case_id')
        .where('id', '=', closureId)
        .executeTakeFirstOrThrow();
      const row = await db
        .insertInto('case_reviews')
        .values({ case_id: c.case_id, closure_id: closureId, months: 6, due_on: x.today })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    (id, _m, x) => ({
      kind: 'review',
      reviewId: id,
      review: { version: 1, decision: 'confirm', heldOn: x.today },
    }),
  ),
  decide(
    'body.action.planId',
    'plan_approval',
    async (x) => {
      const r = await foreignCase(x);
      const row = await x.t.database.db
        .insertInto('case_plans')
        .values({
          case_id: r.caseId,
          number: 1,
          status: 'submitted',
          created_by: x.foreign.members.coordinator.caller.userId ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    (id) => ({ kind: 'plan_approved', planId: id, planVersion: 1 }),
  ),
  decide(
    'body.action.closure.id',
    'case',
    foreignClosure,
    (id, m) => closure(m, { id }),
    async (x) => {
      // The caller's own proposal in another of their cases: refused alike.
      const r = await freshRecords(x);
      const row = await x.t.database.db
        .insertInto('case_closures')
        .values({ case_id: r.caseId, outcome: 'handled', reason: 'Afsluttet.', proposed_by: me(x) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  ),
  decide(
    'body.action.closure.transferredUnitId',
    'case',
    (x) => x.other.unitId,
    (id, m) => closure(m, { outcome: 'transferred', transferredUnitId: id }),
  ),
  decide(
    'body.action.closure.interventionDispositions.*.interventionId',
    'case',
    foreignIntervention,
    (id, m) =>
      closure(m, { interventionDispositions: [{ interventionId: id, disposition: 'end' }] }),
  ),
  decide(
    'body.action.intervention.id',
    'case',
    foreignIntervention,
    (id, m, x) => intervention(x, m, { id }),
    async (x) => {
      const r = await freshRecords(x);
      return interventionOf(x, r.caseId, r.citizenId);
    },
  ),
  decide(
    'body.action.intervention.interventionTypeId',
    'case',
    (x) => x.other.typeId,
    (id, m, x) => intervention(x, m, { interventionTypeId: id }),
  ),
  decide(
    'body.action.intervention.personId',
    'case',
    (x) => x.other.personId,
    (id, m, x) => intervention(x, m, { personId: id }),
  ),
  decide(
    'body.action.intervention.participantIds.*',
    'case',
    (x) => x.other.personId,
    (id, m, x) => intervention(x, m, { form: 'group', participantIds: [m.citizenId, id] }),
  ),
  decide(
    'body.action.intervention.providerUserId',
    'case',
    (x) => x.other.user.caller.userId ?? '',
    (id, m, x) => intervention(x, m, { providerUserId: id }),
  ),
];
