import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CasePlansTable } from '../../platform/db/case-schema.ts';
import type { CaseKey } from '../../platform/context.ts';
import { readableGoals, type StoredGoal } from './stored.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 */

/** The plan module's SQL: every read and write of case_plans goes through here. */

export type PlanRow = Selectable<CasePlansTable>;

/** The versions of the case's plan (not executed: the caller selects and narrows). */
function plansOf(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_plans')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode);
}

/**
 * A change to versions of the case's plan that counts their version up and stamps `updated_at`
 * (not executed: the caller adds which versions, and what it returns).
 */
function updatePlans(
  trx: Transaction<DB>,
  theCase: CaseKey,
  values: Omit<Updateable<CasePlansTable>, 'version' | 'updated_at'>,
  now: Date,
) {
  return trx
    .updateTable('case_plans')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode);
}

/** Every version of the case's plan, newest first. */
export async function planRows(db: Kysely<DB>, theCase: CaseKey): Promise<PlanRow[]> {
  return plansOf(db, theCase).selectAll().orderBy('number', 'desc').execute();
}

/** The plan of this case with the id (not executed: a read, or a lock). */
function selectPlan(db: Kysely<DB>, theCase: CaseKey, planId: string) {
  return plansOf(db, theCase).selectAll().where('id', '=', planId);
}

export async function planRow(
  db: Kysely<DB>,
  theCase: CaseKey,
  planId: string,
): Promise<PlanRow | undefined> {
  return selectPlan(db, theCase, planId).executeTakeFirst();
}

/** The plan row of this case, locked for the transaction. */
export async function lockPlanRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  planId: string,
): Promise<PlanRow | undefined> {
  return selectPlan(trx, theCase, planId).forUpdate().executeTakeFirst();
}

/** Whether the case has a version numbered after `number`. */
export async function hasNewerPlan(
  trx: Transaction<DB>,
  theCase: CaseKey,
  number: number,
): Promise<boolean> {
  const newer = await plansOf(trx, theCase)
    .select('id')
    .where('number', '>', number)
    .executeTakeFirst();
  return newer !== undefined;
}

/** Display names of users by id. */
export async function userNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  for (const u of users) names.set(u.id, u.display_name);
  return names;
}

/** The current members of the case (user ids). */
export async function memberIds(trx: Transaction<DB>, theCase: CaseKey): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('case_members')
    .select('user_id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export interface PlanValues {
  purpose: string | null;
  goals: string;
  agreements: string;
  citizen_wishes: string | null;
  citizen_participated: boolean | null;
  starts_on: string | null;
  ends_on: string | null;
  next_follow_up_on: string | null;
  follow_up_interval_days: number | null;
}

export async function insertDraft(
  trx: Transaction<DB>,
  values: PlanValues & {
    case_id: string;
    number: number;
    based_on_id: string | null;
    created_by: string;
  },
): Promise<string> {
  const inserted = await trx
    .insertInto('case_plans')
    .values({ ...values, status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Saves a draft's content when the version still matches; false when it moved on. */
export async function saveDraft(
  trx: Transaction<DB>,
  theCase: CaseKey,
  planId: string,
  version: number,
  values: PlanValues,
): Promise<boolean> {
  const updated = await updatePlans(trx, theCase, { status: 'draft', ...values }, new Date())
    .where('id', '=', planId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

export async function markSubmitted(
  trx: Transaction<DB>,
  theCase: CaseKey,
  planId: string,
  userId: string,
): Promise<void> {
  const now = new Date();
  await updatePlans(
    trx,
    theCase,
    { status: 'submitted', submitted_by: userId, submitted_at: now },
    now,
  )
    .where('id', '=', planId)
    .execute();
}

/** Supersedes the case's approved version(s); their ids. */
export async function supersedeApproved(
  trx: Transaction<DB>,
  theCase: CaseKey,
  now: Date,
): Promise<string[]> {
  const superseded = await updatePlans(trx, theCase, { status: 'superseded' }, now)
    .where('status', '=', 'approved')
    .returning('id')
    .execute();
  return superseded.map((s) => s.id);
}

/** A decision on a plan: approved (with the steering group's meeting date, if any) or sent back. */
export type PlanDecision =
  { status: 'approved'; meeting: string | null } | { status: 'rejected'; comment: string };

/** Records the decision on the plan: who and when, and the meeting date or the comment. */
export async function markDecided(
  trx: Transaction<DB>,
  theCase: CaseKey,
  planId: string,
  userId: string,
  decision: PlanDecision,
  now: Date,
): Promise<void> {
  await updatePlans(
    trx,
    theCase,
    {
      status: decision.status,
      decided_by: userId,
      decided_at: now,
      decision_comment: decision.status === 'rejected' ? decision.comment : null,
      // A rejection leaves the meeting date as it is.
      ...(decision.status === 'approved' && { steering_group_meeting_on: decision.meeting }),
    },
    now,
  )
    .where('id', '=', planId)
    .execute();
}

/**
 * The case's current approved plan (the newest approved version) as stored: its id, goals and
 * agreements; undefined without one. Read by the modules that follow the plan (reading.ts).
 */
export async function approvedPlanRow(db: Kysely<DB>, theCase: CaseKey) {
  return plansOf(db, theCase)
    .select(['id', 'goals', 'agreements'])
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The goals of the case's current approved plan (the newest approved version); none without one. */
export async function approvedPlanGoals(db: Kysely<DB>, theCase: CaseKey): Promise<StoredGoal[]> {
  const plan = await approvedPlanRow(db, theCase);
  return plan ? readableGoals(plan.goals) : [];
}

/** What the plan's PDF names besides the plan: the case's reference and its citizens' names. */
export async function planPdfHeading(
  db: Kysely<DB>,
  theCase: CaseKey,
): Promise<{ reference: string; citizens: string[] }> {
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirstOrThrow();
  const citizens = await casePersonsOf(db, theCase)
    .select(['p.given_name', 'p.family_name'])
    .where('cp.role', '=', 'citizen')
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  return {
    reference: row.reference,
    citizens: citizens.map((c) => `${c.given_name} ${c.family_name}`.trim()),
  };
}
