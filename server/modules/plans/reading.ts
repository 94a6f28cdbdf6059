import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { approvedPlanRow, planRow, planRows, userNames, type PlanRow } from './queries.ts';
import { PlanStatusSchema, type Plan } from './schema.ts';
import {
  readableAgreements,
  readableGoals,
  storedAgreements,
  storedGoals,
  type StoredGoal,
} from './stored.ts';

/** Reading the action plan: its versions as the API shows them, and the version to print. */

/** Every version of the case's plan, newest first, with the names of the people it mentions. */
export async function loadPlans(db: Kysely<DB>, theCase: CaseKey): Promise<Plan[]> {
  return present(db, await planRows(db, theCase));
}

export async function loadPlan(db: Kysely<DB>, theCase: CaseKey, planId: string): Promise<Plan> {
  const row = await planRow(db, theCase, planId);
  if (!row) throw new AppError('not_found');
  const [plan] = await present(db, [row]);
  if (!plan) throw new AppError('not_found');
  return plan;
}

/** The version to print: the one asked for, else the newest approved, else the newest. */
export async function planToPrint(
  db: Kysely<DB>,
  theCase: CaseKey,
  planId: string | undefined,
): Promise<Plan | null> {
  const plans = await loadPlans(db, theCase);
  if (planId) return plans.find((p) => p.id === planId) ?? null;
  return plans.find((p) => p.status === 'approved') ?? plans[0] ?? null;
}

/**
 * A plan version the case does not have (another case's, or none) named in a query: the same
 * Danish message on the field for both, so the answer tells nothing of other cases.
 */
export function unknownPlanVersion(): AppError {
  return new AppError('validation_failed', {
    fields: [{ field: 'query.planId', code: 'plan_version_unknown' }],
  });
}

/**
 * The case's current approved plan (the newest approved version) for the modules that follow it
 * (closure): its id, goals and agreements read leniently; undefined without one.
 */
export async function approvedPlan(
  db: Kysely<DB>,
  theCase: CaseKey,
): Promise<{ id: string; goals: StoredGoal[]; agreements: string[] } | undefined> {
  const row = await approvedPlanRow(db, theCase);
  if (!row) return undefined;
  return {
    id: row.id,
    goals: readableGoals(row.goals),
    agreements: readableAgreements(row.agreements),
  };
}

async function present(db: Kysely<DB>, rows: PlanRow[]): Promise<Plan[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    ids.add(row.created_by);
    if (row.submitted_by) ids.add(row.submitted_by);
    if (row.decided_by) ids.add(row.decided_by);
    for (const goal of storedGoals(row.goals)) {
      if (goal.responsible && 'userId' in goal.responsible) ids.add(goal.responsible.userId);
    }
  }
  const names = await userNames(db, [...ids]);
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: PlanStatusSchema.parse(row.status),
    basedOnId: row.based_on_id,
    purpose: row.purpose,
    goals: storedGoals(row.goals).map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      text: g.text,
      responsible: !g.responsible
        ? null
        : 'userId' in g.responsible
          ? { userId: g.responsible.userId, name: names.get(g.responsible.userId) ?? '' }
          : { userId: null, name: g.responsible.name },
      targetDate: g.targetDate,
      status: g.status,
    })),
    agreements: storedAgreements(row.agreements),
    citizenWishes: row.citizen_wishes,
    citizenParticipated: row.citizen_participated,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    nextFollowUpOn: row.next_follow_up_on,
    followUpIntervalDays: row.follow_up_interval_days,
    createdBy: { id: row.created_by, name: names.get(row.created_by) ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedBy: ref(row.submitted_by),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    decidedBy: ref(row.decided_by),
    decidedAt: row.decided_at?.toISOString() ?? null,
    steeringGroupMeetingOn: row.steering_group_meeting_on,
    decisionComment: row.decision_comment,
    version: row.version,
  }));
}
