import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaGoalStatus, AreaPlanStatus } from '../../../shared/housing-areas.ts';

/** SQL of the area action plan and its goals' follow-up (0055), always by municipality and area. */

export interface AreaPlanRow {
  id: string;
  number: number;
  based_on_id: string | null;
  status: AreaPlanStatus;
  reflection: unknown;
  goals: unknown;
  created_by: string;
  updated_by: string;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  returned_comment: string | null;
  version: number;
  /** Everyone who created, saved or submitted this version (0058), in order, each once. */
  editors: string[];
}

const planColumns = [
  'id',
  'number',
  'based_on_id',
  'status',
  'reflection',
  'goals',
  'created_by',
  'updated_by',
  'submitted_by',
  'submitted_at',
  'approved_by',
  'approved_at',
  'returned_comment',
  'version',
  'editors',
] as const;

/** Every version of the area's plan, newest first. */
export async function areaPlansOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<AreaPlanRow[]> {
  return db
    .selectFrom('area_action_plans')
    .select(planColumns)
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .orderBy('number', 'desc')
    .execute();
}

/** One version of the area's plan, locked for a change. */
export async function lockAreaPlan(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
  id: string,
): Promise<AreaPlanRow | undefined> {
  return trx
    .selectFrom('area_action_plans')
    .select(planColumns)
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function areaPlanIdTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('area_action_plans')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAreaPlan(
  trx: Transaction<DB>,
  values: {
    id: string;
    municipality_code: string;
    area_id: string;
    number: number;
    based_on_id: string | null;
    reflection: string;
    goals: string;
    created_by: string;
  },
): Promise<void> {
  await trx
    .insertInto('area_action_plans')
    .values({ ...values, updated_by: values.created_by, editors: [values.created_by] })
    .execute();
}

type PlanChange = Partial<{
  status: AreaPlanStatus;
  reflection: string;
  goals: string;
  updated_by: string;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string;
  approved_at: Date;
  returned_comment: string | null;
}>;

/**
 * Changes a version at the version sent; false when it was stale. `editor`: the user who saved or
 * submitted it, appended to `editors` (once) so four-eyes counts every author, not only the last.
 */
export async function changeAreaPlan(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
  change: PlanChange,
  editor?: string,
): Promise<boolean> {
  const editors =
    editor === undefined
      ? {}
      : {
          editors: sql<string[]>`case when ${editor}::uuid = any(editors) then editors
            else array_append(editors, ${editor}::uuid) end`,
        };
  const result = await trx
    .updateTable('area_action_plans')
    .set((eb) => ({
      ...change,
      ...editors,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The area's approved version becomes superseded (a newer one is being approved). */
export async function supersedeApprovedAreaPlan(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<string[]> {
  const rows = await trx
    .updateTable('area_action_plans')
    .set((eb) => ({ status: 'superseded', updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('status', '=', 'approved')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface FollowUpRow {
  id: string;
  plan_id: string;
  plan_number: number;
  goal_key: string;
  status: AreaGoalStatus;
  note: string | null;
  recorded_on: string;
  next_review_on: string | null;
  recorded_by: string;
  recorded_by_name: string;
}

/** Every follow-up of the area's goals, newest first (by date, then entry). */
export async function followUpsOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<FollowUpRow[]> {
  return db
    .selectFrom('area_plan_goal_follow_ups as f')
    .innerJoin('area_action_plans as p', 'p.id', 'f.plan_id')
    .innerJoin('users as u', 'u.id', 'f.recorded_by')
    .select([
      'f.id',
      'f.plan_id',
      'p.number as plan_number',
      'f.goal_key',
      'f.status',
      'f.note',
      'f.recorded_on',
      'f.next_review_on',
      'f.recorded_by',
      'u.display_name as recorded_by_name',
    ])
    .where('f.municipality_code', '=', municipalityCode)
    .where('f.area_id', '=', areaId)
    .orderBy('f.recorded_on', 'desc')
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
}

export async function followUpExists(
  db: Kysely<DB>,
  id: string,
): Promise<{ plan_id: string; area_id: string } | undefined> {
  return db
    .selectFrom('area_plan_goal_follow_ups')
    .select(['plan_id', 'area_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertFollowUp(
  trx: Transaction<DB>,
  values: {
    id: string;
    municipality_code: string;
    area_id: string;
    plan_id: string;
    goal_key: string;
    status: AreaGoalStatus;
    note: string | null;
    recorded_on: string;
    next_review_on: string | null;
    recorded_by: string;
  },
): Promise<void> {
  await trx.insertInto('area_plan_goal_follow_ups').values(values).execute();
}

/** The approved plans' goals and the newest follow-up of each, for the given areas (counts). */
export async function approvedGoalsOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
): Promise<{ area_id: string; goals: unknown }[]> {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('area_action_plans')
    .select(['area_id', 'goals'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', 'in', areaIds)
    .where('status', '=', 'approved')
    .execute();
}

export async function followUpStatusesOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
): Promise<{ area_id: string; goal_key: string; status: AreaGoalStatus }[]> {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('area_plan_goal_follow_ups')
    .select(['area_id', 'goal_key', 'status'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', 'in', areaIds)
    .orderBy('recorded_on', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}
