import { requireCaseAbility } from '../../access/case-abilities.ts';
import { setCaseConcernLevel } from '../cases/case-rows.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  CONCERN_ORDER,
  ConcernLevelSchema,
  GoalStatusSchema,
  earlierCreate,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type CaseWorkContext,
  type ConcernLevel,
  type LockedCase,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import {
  ConcernChangeSchema,
  FollowUpStatusSchema,
  type FollowUp,
  type FollowUpList,
  type NewFollowUp,
  type RecordFollowUp,
} from './schema.ts';
import { z } from 'zod';

/**
 * Follow-ups of a case: scheduled (from the plan, see schedule.ts, or one at a time), recorded
 * with the concern level re-judged (up, same, down against the case's current level), the
 * progress of the approved plan's goals and optional life-competence ratings, or cancelled.
 * Every change appends its chronology event and audit entries in its transaction.
 */

const StoredGoalSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable().optional(),
  text: z.string(),
  status: GoalStatusSchema.catch('not_started'),
});
const StoredGoalsSchema = z.array(z.unknown()).catch([]);
const StoredProgressSchema = z
  .array(
    z.object({
      goalKey: z.string(),
      status: GoalStatusSchema,
      note: z.string().nullable().optional(),
    }),
  )
  .catch([]);
const StoredRatingsSchema = z.record(z.string(), z.number().int()).nullable().catch(null);

/** The goals of the case's current approved plan (none without one). */
export async function approvedGoals(db: Kysely<DB>, caseId: string) {
  const plan = await db
    .selectFrom('case_plans')
    .select('goals')
    .where('case_id', '=', caseId)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!plan) return [];
  return StoredGoalsSchema.parse(plan.goals).flatMap((g) => {
    const parsed = StoredGoalSchema.safeParse(g);
    return parsed.success
      ? [{ ...parsed.data, parentKey: parsed.data.parentKey ?? null, key: parsed.data.key }]
      : [];
  });
}

/** Every follow-up of the case, the approved plan's goals and the competence series. */
export async function listFollowUps(
  db: Kysely<DB>,
  caseId: string,
  now: Date,
): Promise<FollowUpList> {
  const today = danishToday(now);
  const rows = await db
    .selectFrom('case_follow_ups as f')
    .leftJoin('users as u', 'u.id', 'f.recorded_by')
    .select([
      'f.id',
      'f.plan_id',
      'f.due_on',
      'f.status',
      'f.held_on',
      'f.concern_level',
      'f.concern_change',
      'f.summary',
      'f.goal_progress',
      'f.competences',
      'f.recorded_by',
      'u.display_name',
      'f.recorded_at',
      'f.version',
    ])
    .where('f.case_id', '=', caseId)
    .orderBy('f.due_on')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const level = await db
    .selectFrom('cases')
    .select('concern_level')
    .where('id', '=', caseId)
    .executeTakeFirst();
  const items = rows.map((r): FollowUp => {
    const status = FollowUpStatusSchema.parse(r.status);
    return {
      id: r.id,
      planId: r.plan_id,
      dueOn: r.due_on,
      status,
      overdue: status === 'scheduled' && r.due_on < today,
      heldOn: r.held_on,
      concernLevel: r.concern_level === null ? null : ConcernLevelSchema.parse(r.concern_level),
      concernChange: r.concern_change === null ? null : ConcernChangeSchema.parse(r.concern_change),
      summary: r.summary,
      goalProgress: StoredProgressSchema.parse(r.goal_progress).map((p) => ({
        goalKey: p.goalKey,
        status: p.status,
        note: p.note ?? null,
      })),
      competences: StoredRatingsSchema.parse(r.competences),
      recordedBy:
        r.recorded_by && r.display_name !== null
          ? { id: r.recorded_by, name: r.display_name }
          : null,
      recordedAt: r.recorded_at?.toISOString() ?? null,
      version: r.version,
    };
  });
  const competenceSeries = items
    .filter((f) => f.status === 'done' && f.heldOn && f.competences)
    .map((f) => ({ heldOn: f.heldOn ?? '', ratings: f.competences ?? {} }))
    .filter((s) => Object.keys(s.ratings).length > 0)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  return {
    items,
    goals: (await approvedGoals(db, caseId)).map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      text: g.text,
      status: g.status,
    })),
    concernLevel:
      level?.concern_level == null ? null : ConcernLevelSchema.parse(level.concern_level),
    competenceSeries,
  };
}

function openedOn(locked: LockedCase): string {
  return danishToday(locked.openedAt);
}

/** The rules of a held follow-up; field names are prefixed with `body.`. */
async function checkRecord(
  trx: Transaction<DB>,
  caseId: string,
  locked: LockedCase,
  body: Pick<RecordFollowUp, 'heldOn' | 'goalProgress'>,
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (body.heldOn < openedOn(locked)) {
    problems.push({ field: 'body.heldOn', code: 'before_case_opened' });
  } else if (body.heldOn > today) {
    problems.push({ field: 'body.heldOn', code: 'in_future' });
  }
  if (body.goalProgress.length > 0) {
    const keys = new Set((await approvedGoals(trx, caseId)).map((g) => g.key.toLowerCase()));
    const seen = new Set<string>();
    body.goalProgress.forEach((p, i) => {
      const key = p.goalKey.toLowerCase();
      if (!keys.has(key)) {
        problems.push({ field: `body.goalProgress.${i}.goalKey`, code: 'unknown_goal' });
      } else if (seen.has(key)) {
        problems.push({ field: `body.goalProgress.${i}.goalKey`, code: 'duplicate' });
      }
      seen.add(key);
    });
  }
  return problems;
}

function reject(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/** Up, same or down against the case's current level; null when the case had none. */
export function concernChange(
  current: string | null,
  next: ConcernLevel,
): 'up' | 'same' | 'down' | null {
  const parsed = ConcernLevelSchema.safeParse(current);
  if (!parsed.success) return null;
  const diff = CONCERN_ORDER[next] - CONCERN_ORDER[parsed.data];
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
}

type RecordValues = Pick<
  RecordFollowUp,
  'heldOn' | 'concernLevel' | 'summary' | 'goalProgress' | 'competences'
>;

/** Stores the record on a follow-up row and moves the case's concern level (in `trx`). */
async function applyRecord(
  trx: Transaction<DB>,
  ctx: CaseWorkContext,
  access: CaseAccess,
  locked: LockedCase,
  followUpId: string,
  body: RecordValues,
): Promise<number> {
  const change = concernChange(locked.concernLevel, body.concernLevel);
  const competences =
    body.competences && Object.keys(body.competences).length > 0 ? body.competences : null;
  const updated = await trx
    .updateTable('case_follow_ups')
    .set((eb) => ({
      status: 'done',
      held_on: body.heldOn,
      concern_level: body.concernLevel,
      concern_change: change,
      summary: body.summary ?? null,
      goal_progress: JSON.stringify(
        body.goalProgress.map((p) => ({
          goalKey: p.goalKey,
          status: p.status,
          note: p.note ?? null,
        })),
      ),
      competences: competences === null ? null : JSON.stringify(competences),
      recorded_by: ctx.user.id,
      recorded_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', followUpId)
    .returning('version')
    .executeTakeFirstOrThrow();
  // A follow-up recorded after a later one was held does not overwrite the newer judgement.
  const later = await trx
    .selectFrom('case_follow_ups')
    .select('id')
    .where('case_id', '=', access.caseId)
    .where('status', '=', 'done')
    .where('held_on', '>', body.heldOn)
    .limit(1)
    .executeTakeFirst();
  if (!later) {
    // The concern level is not an edit of the case's own fields: its version stays.
    await setCaseConcernLevel(trx, access.caseId, body.concernLevel, new Date());
  }
  await recordCaseChange(trx, ctx, access, {
    kind: 'follow_up_recorded',
    changes: { concernLevel: { from: locked.concernLevel, to: body.concernLevel } },
    action: 'update',
    resourceType: 'case_follow_up',
    resourceId: followUpId,
    details: {
      concernChange: change,
      goals: body.goalProgress.length,
      competences: competences !== null,
    },
  });
  return updated.version;
}

/**
 * One more follow-up: scheduled (`dueOn`), or held and recorded at once (`heldOn` …, its due
 * date the day it was held). Full-scope members with a case role; not in a closed case. A retry
 * with the same client `id` returns the follow-up already made.
 */
export async function addFollowUp(
  ctx: CaseWorkContext,
  access: CaseAccess,
  body: NewFollowUp,
  now = new Date(),
): Promise<{ id: string; version: number; created: boolean }> {
  requireCaseAbility(access, 'followUps', 'write');
  const recordKeys = ['heldOn', 'concernLevel', 'summary', 'goalProgress', 'competences'] as const;
  const problems: FieldProblem[] = [];
  if (body.dueOn !== undefined) {
    for (const key of recordKeys) {
      if (body[key] !== undefined) problems.push({ field: `body.${key}`, code: 'schedule_only' });
    }
  } else if (body.heldOn === undefined) {
    problems.push({ field: 'body.dueOn', code: 'required' });
  } else if (body.concernLevel === undefined) {
    problems.push({ field: 'body.concernLevel', code: 'required' });
  }
  reject(problems);
  const today = danishToday(now);

  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const earlier = await earlierCreate(trx, 'case_follow_ups', body.id, access.caseId, 'conflict');
    if (earlier) return earlier;
    requireOpenCase(locked);
    if (body.dueOn !== undefined) {
      if (body.dueOn < openedOn(locked)) {
        reject([{ field: 'body.dueOn', code: 'before_case_opened' }]);
      } else if (body.dueOn < today) {
        reject([{ field: 'body.dueOn', code: 'date_in_past' }]);
      }
      const row = await trx
        .insertInto('case_follow_ups')
        .values({ ...(body.id && { id: body.id }), case_id: access.caseId, due_on: body.dueOn })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      await recordCaseChange(trx, ctx, access, {
        kind: 'follow_up_scheduled',
        changes: { dueOn: { from: null, to: body.dueOn } },
        action: 'create',
        resourceType: 'case_follow_up',
        resourceId: row.id,
      });
      return { id: row.id, version: row.version, created: true };
    }

    const values: RecordValues = {
      heldOn: body.heldOn ?? today,
      concernLevel: body.concernLevel ?? 'low',
      summary: body.summary,
      goalProgress: body.goalProgress ?? [],
      competences: body.competences,
    };
    reject(await checkRecord(trx, access.caseId, locked, values, today));
    const row = await trx
      .insertInto('case_follow_ups')
      .values({
        ...(body.id && { id: body.id }),
        case_id: access.caseId,
        due_on: values.heldOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await applyRecord(trx, ctx, access, locked, row.id, values);
    return { id: row.id, version, created: true };
  });
}

async function lockFollowUp(trx: Transaction<DB>, caseId: string, followUpId: string) {
  const row = await trx
    .selectFrom('case_follow_ups')
    .select(['id', 'status', 'due_on', 'version'])
    .where('id', '=', followUpId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

function requireScheduled(status: string): void {
  if (status !== 'scheduled') {
    reject([{ field: 'params.followUpId', code: 'follow_up_not_scheduled' }]);
  }
}

/** Records a scheduled follow-up as held. */
export async function recordFollowUp(
  ctx: CaseWorkContext,
  access: CaseAccess,
  followUpId: string,
  body: RecordFollowUp,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'followUps', 'write');
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    requireOpenCase(locked);
    const current = await lockFollowUp(trx, access.caseId, followUpId);
    if (current.version !== body.version) throw staleVersion(current.version);
    requireScheduled(current.status);
    reject(await checkRecord(trx, access.caseId, locked, body, today));
    const version = await applyRecord(trx, ctx, access, locked, followUpId, body);
    return { id: followUpId, version };
  });
}

/** Cancels a scheduled follow-up. */
export async function cancelFollowUp(
  ctx: CaseWorkContext,
  access: CaseAccess,
  followUpId: string,
  body: { version: number },
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'followUps', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    requireOpenCase(locked);
    const current = await lockFollowUp(trx, access.caseId, followUpId);
    if (current.version !== body.version) throw staleVersion(current.version);
    requireScheduled(current.status);
    const updated = await trx
      .updateTable('case_follow_ups')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
      .where('id', '=', followUpId)
      .returning('version')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'follow_up_scheduled',
      changes: { dueOn: { from: current.due_on, to: null } },
      action: 'update',
      resourceType: 'case_follow_up',
      resourceId: followUpId,
      details: { cancelled: true },
    });
    return { id: followUpId, version: updated.version };
  });
}
