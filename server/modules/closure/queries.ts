import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { entryName } from '../cases/intervention-names.ts';
import { personName } from '../cases/queries.ts';
import { planRows } from '../plans/queries.ts';
import { GOAL_STATUSES } from '../../../shared/values.ts';
import { StoredDispositions, StoredGoalStatuses } from './checks.ts';
import { approvedPlan, goalTexts } from './plan-goals.ts';
import {
  ClosureOutcomeSchema,
  ClosureStatusSchema,
  DispositionSchema,
  ReviewStatusSchema,
  type Closure,
  type ClosureOverview,
  type Review,
} from './schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read and update here matches
 * the case's key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

const GOAL_STATUS_SET = new Set<string>(GOAL_STATUSES);
type GoalStatus = Closure['goalStatuses'][number]['status'];
type InterventionStatus = ClosureOverview['openInterventions'][number]['status'];

/**
 * The case's interventions with their type and person names (one round trip). The name of a
 * catalogue entry that reveals the concern is read only for a reader with the case's compartment
 * (`type_name` null otherwise; docs/SECURITY.md, "Catalogue entries that name the concern").
 */
export async function caseInterventions(db: Kysely<DB>, theCase: CaseKey, compartment: boolean) {
  return db
    .selectFrom('case_interventions as i')
    .innerJoin('intervention_types as it', 'it.id', 'i.intervention_type_id')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'i.person_id').onRef('p.municipality_code', '=', 'i.municipality_code'),
    )
    .leftJoin('users as u', 'u.id', 'i.provider_user_id')
    .select([
      'i.id',
      'i.status',
      'i.starts_on',
      'i.ends_on',
      'i.provider_name',
      'i.created_at',
      entryName(compartment).as('type_name'),
      'it.reveals_concern',
      'p.given_name',
      'p.family_name',
      'u.display_name as provider_user_name',
    ])
    .where('i.case_id', '=', theCase.caseId)
    .where('i.municipality_code', '=', theCase.municipalityCode)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
}

/** The case's closures (newest first) with names, in one round trip. */
export async function caseClosures(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_closures as c')
    .innerJoin('users as pu', 'pu.id', 'c.proposed_by')
    .leftJoin('users as du', 'du.id', 'c.decided_by')
    .leftJoin('units as un', 'un.id', 'c.transferred_unit_id')
    .select([
      'c.id',
      'c.outcome',
      'c.transferred_unit_id',
      'un.name as unit_name',
      'c.outcome_other',
      'c.reason',
      'c.goal_statuses',
      'c.intervention_dispositions',
      'c.status',
      'c.proposed_by',
      'pu.display_name as proposer_name',
      'c.proposed_at',
      'c.decided_by',
      'du.display_name as decider_name',
      'c.decided_at',
      'c.decision_comment',
    ])
    .where('c.case_id', '=', theCase.caseId)
    .where('c.municipality_code', '=', theCase.municipalityCode)
    .orderBy('c.proposed_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export async function caseReviews(db: Kysely<DB>, theCase: CaseKey): Promise<Review[]> {
  const rows = await db
    .selectFrom('case_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.decided_by')
    .select([
      'r.id',
      'r.closure_id',
      'r.months',
      'r.due_on',
      'r.status',
      'r.held_on',
      'r.reason',
      'r.no_longer_at_risk',
      'r.in_education_or_work',
      'r.decided_by',
      'u.display_name',
      'r.decided_at',
      'r.version',
    ])
    .where('r.case_id', '=', theCase.caseId)
    .where('r.municipality_code', '=', theCase.municipalityCode)
    .orderBy('r.due_on')
    .orderBy('r.months')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    closureId: r.closure_id,
    months: r.months === 12 ? 12 : 6,
    dueOn: r.due_on,
    status: ReviewStatusSchema.parse(r.status),
    heldOn: r.held_on,
    reason: r.reason,
    noLongerAtRisk: r.no_longer_at_risk,
    inEducationOrWork: r.in_education_or_work,
    decidedBy:
      r.decided_by && r.display_name !== null ? { id: r.decided_by, name: r.display_name } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    version: r.version,
  }));
}

type InterventionRow = Awaited<ReturnType<typeof caseInterventions>>[number];

/**
 * An intervention's catalogue entry name: `typeName` null for an entry that reveals the concern,
 * whose name travels in `concernTypeName` (a compartment field; null without the compartment).
 */
function typeNames(i: InterventionRow | undefined) {
  return i?.reveals_concern
    ? { typeName: null, concernTypeName: i.type_name }
    : { typeName: i?.type_name ?? null, concernTypeName: null };
}

/** Closures as the API shows them, goal texts and intervention names filled in. */
export function presentClosures(
  rows: Awaited<ReturnType<typeof caseClosures>>,
  texts: Map<string, string>,
  interventions: Awaited<ReturnType<typeof caseInterventions>>,
): Closure[] {
  const byId = new Map(interventions.map((i) => [i.id, i]));
  return rows.map((c) => ({
    id: c.id,
    outcome: ClosureOutcomeSchema.parse(c.outcome),
    transferredUnit:
      c.transferred_unit_id && c.unit_name !== null
        ? { id: c.transferred_unit_id, name: c.unit_name }
        : null,
    outcomeOther: c.outcome_other,
    reason: c.reason,
    goalStatuses: StoredGoalStatuses(c.goal_statuses)
      .filter((g) => GOAL_STATUS_SET.has(g.status))
      .map((g) => ({
        goalKey: g.goalKey,
        text: texts.get(g.goalKey) ?? null,
        status: g.status as GoalStatus,
      })),
    interventionDispositions: StoredDispositions(c.intervention_dispositions).map((d) => {
      const i = byId.get(d.interventionId);
      return {
        interventionId: d.interventionId,
        ...typeNames(i),
        personName: i ? personName(i) : null,
        disposition: DispositionSchema.parse(d.disposition),
      };
    }),
    status: ClosureStatusSchema.parse(c.status),
    proposedBy: { id: c.proposed_by, name: c.proposer_name },
    proposedAt: c.proposed_at.toISOString(),
    decidedBy:
      c.decided_by && c.decider_name !== null ? { id: c.decided_by, name: c.decider_name } : null,
    decidedAt: c.decided_at?.toISOString() ?? null,
    decisionComment: c.decision_comment,
  }));
}

/** Everything the closure tab shows: five round trips whatever the case's size. */
export async function loadClosureOverview(
  db: Kysely<DB>,
  access: CaseAccess,
): Promise<ClosureOverview> {
  const caseId = access.caseId;
  const [closures, interventions, plans, reviews, units] = [
    await caseClosures(db, access),
    await caseInterventions(db, access, access.compartment),
    await planRows(db, access),
    await caseReviews(db, access),
    await db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('municipality_code', '=', access.municipalityCode)
      .orderBy('name')
      .execute(),
  ];
  return {
    id: caseId,
    closures: presentClosures(closures, goalTexts(plans), interventions),
    reviews,
    openInterventions: interventions
      .filter((i) => i.status === 'planned' || i.status === 'active' || i.status === 'paused')
      .map((i) => ({
        id: i.id,
        ...typeNames(i),
        personName: personName(i),
        status: i.status as InterventionStatus,
      })),
    goals: approvedPlan(plans)?.goals ?? [],
    units,
    needsAnotherCoordinator: [],
  };
}
