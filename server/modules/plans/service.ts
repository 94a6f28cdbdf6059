import { requireCaseAbility } from '../../access/case-abilities.ts';
import { notify, notifyCaseCoordinators } from '../notifications/service.ts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { CasePlansTable } from '../../platform/db/case-schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  GoalStatusSchema,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type CaseWorkContext,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { scheduleFollowUpsForPlan } from '../follow-ups/schedule.ts';
import { getSettings } from '../inquiries/settings.ts';
import {
  PlanStatusSchema,
  type ApprovePlan,
  type Plan,
  type PlanContent,
  type RejectPlan,
  type UpdatePlan,
} from './schema.ts';

/**
 * The action plan (NCFE tool 5): versions of goals and agreements made with the citizen.
 *
 * - One open version (draft or submitted) at a time. A new draft copies the newest approved
 *   version (else the newest); goals keep their `key`, so they can be followed across versions.
 * - Members with the whole case write drafts; the case's coordinators approve or send back.
 *   A coordinator may approve a draft directly. With the municipality's setting
 *   `steering_group` (model 3) the approval records the steering group's meeting date.
 * - A submitted plan must be sent back before it changes; an approved or superseded one never
 *   changes. A plan sent back becomes a draft again on its next save, as long as it is the
 *   newest version (a new draft made from the approved plan replaces it otherwise).
 * - Approving supersedes the previous approved version and schedules the follow-ups from the
 *   plan's frequency, in the same transaction.
 *
 * Every change appends its chronology event and audit entries (recordCaseChange); the audit
 * details name ids, numbers and statuses, never the plan's text.
 */

type PlanRow = Selectable<CasePlansTable>;

/** A goal as stored in case_plans.goals. */
const StoredGoalSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable().catch(null),
  text: z.string(),
  responsible: z
    .union([z.object({ userId: z.string() }), z.object({ name: z.string() })])
    .nullable()
    .catch(null),
  targetDate: z.string().nullable().catch(null),
  status: GoalStatusSchema.catch('not_started'),
});
type StoredGoal = z.infer<typeof StoredGoalSchema>;
const StoredGoalsSchema = z.array(StoredGoalSchema).catch([]);
const StoredAgreementsSchema = z.array(z.string()).catch([]);

const storedGoals = (value: unknown): StoredGoal[] => StoredGoalsSchema.parse(value);
const storedAgreements = (value: unknown): string[] => StoredAgreementsSchema.parse(value);

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

/** Every version of the case's plan, newest first, with the names of the people it mentions. */
export async function loadPlans(db: Kysely<DB>, caseId: string): Promise<Plan[]> {
  const rows = await db
    .selectFrom('case_plans')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('number', 'desc')
    .execute();
  return present(db, rows);
}

async function loadPlan(db: Kysely<DB>, caseId: string, planId: string): Promise<Plan> {
  const row = await db
    .selectFrom('case_plans')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  const [plan] = await present(db, [row]);
  if (!plan) throw new AppError('not_found');
  return plan;
}

/** The version to print: the one asked for, else the newest approved, else the newest. */
export async function planToPrint(
  db: Kysely<DB>,
  caseId: string,
  planId: string | undefined,
): Promise<Plan | null> {
  const plans = await loadPlans(db, caseId);
  if (planId) return plans.find((p) => p.id === planId) ?? null;
  return plans.find((p) => p.status === 'approved') ?? plans[0] ?? null;
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
  const names = new Map<string, string>();
  if (ids.size > 0) {
    const users = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [...ids])
      .execute();
    for (const u of users) names.set(u.id, u.display_name);
  }
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

// ── Checking content ─────────────────────────────────────────────────────────────────────────

async function memberIds(trx: Transaction<DB>, caseId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('case_members')
    .select('user_id')
    .where('case_id', '=', caseId)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

interface GoalLike {
  key: string;
  parentKey: string | null;
  responsible?: { userId?: string; name?: string } | null | undefined;
  targetDate?: string | null | undefined;
}

/**
 * The rules zod cannot check alone: unique keys, a sub-goal's parent is a top-level goal of the
 * same plan, every goal has exactly one responsible person (a current member of the case, or a
 * name) and a target date, and the time frame ends after it starts. `at` is `body` for a save
 * and `plan` for the stored content checked again at submission and approval.
 */
function checkContent(
  content: {
    goals: readonly GoalLike[];
    startsOn: string | null;
    endsOn: string | null;
  },
  members: Set<string>,
  at: 'body' | 'plan',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map<string, GoalLike>();
  content.goals.forEach((goal, index) => {
    if (byKey.has(goal.key)) {
      problems.push({ field: `${at}.goals.${index}.key`, code: 'duplicate' });
    } else {
      byKey.set(goal.key, goal);
    }
  });
  content.goals.forEach((goal, index) => {
    const field = (name: string) => `${at}.goals.${index}.${name}`;
    if (goal.parentKey !== null) {
      const parent = byKey.get(goal.parentKey);
      if (!parent || goal.parentKey === goal.key) {
        problems.push({ field: field('parentKey'), code: 'goal_parent_unknown' });
      } else if (parent.parentKey !== null) {
        problems.push({ field: field('parentKey'), code: 'goal_parent_not_top_level' });
      }
    }
    const responsible = goal.responsible;
    const userId = responsible?.userId;
    const name = responsible?.name;
    if (userId === undefined && name === undefined) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_required' });
    } else if (userId !== undefined && name !== undefined) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_one_of' });
    } else if (userId !== undefined && !members.has(userId)) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_not_member' });
    }
    if (!goal.targetDate) problems.push({ field: field('targetDate'), code: 'required' });
  });
  if (content.startsOn && content.endsOn && content.endsOn < content.startsOn) {
    problems.push({ field: `${at}.endsOn`, code: 'plan_ends_before_start' });
  }
  return problems;
}

/** What submission and approval need beyond a valid draft: at least one goal. */
function checkComplete(row: PlanRow, members: Set<string>): void {
  const goals = storedGoals(row.goals);
  const problems = checkContent(
    {
      goals: goals.map((g) => ({
        key: g.key,
        parentKey: g.parentKey,
        responsible: g.responsible,
        targetDate: g.targetDate,
      })),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    },
    members,
    'plan',
  );
  if (goals.length === 0) problems.unshift({ field: 'plan.goals', code: 'plan_goals_required' });
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

function toStoredGoals(content: PlanContent): StoredGoal[] {
  return content.goals.map((g) => ({
    key: g.key,
    parentKey: g.parentKey,
    text: g.text,
    responsible:
      g.responsible?.userId !== undefined
        ? { userId: g.responsible.userId }
        : { name: g.responsible?.name ?? '' },
    targetDate: g.targetDate ?? null,
    status: g.status,
  }));
}

/** The plan row, locked, of this case; 404 when it belongs to another case or none. */
async function lockPlan(trx: Transaction<DB>, caseId: string, planId: string): Promise<PlanRow> {
  const row = await trx
    .selectFrom('case_plans')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

function stateProblem(code: string): AppError {
  return new AppError('validation_failed', { fields: [{ field: 'plan.status', code }] });
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

/**
 * A new draft, copied from the newest approved version (else the newest). Idempotent: when a
 * draft or submitted version exists, that one is returned (`created: false`).
 */
export async function createDraft(
  ctx: CaseWorkContext,
  access: CaseAccess,
): Promise<{ plan: Plan; created: boolean }> {
  requireCaseAbility(access, 'plan', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    requireOpenCase(await lockCase(trx, access.caseId));
    const rows = await trx
      .selectFrom('case_plans')
      .selectAll()
      .where('case_id', '=', access.caseId)
      .orderBy('number', 'desc')
      .execute();
    const open = rows.find((r) => r.status === 'draft' || r.status === 'submitted');
    if (open) return { plan: await loadPlan(trx, access.caseId, open.id), created: false };
    const source = rows.find((r) => r.status === 'approved') ?? rows[0];
    const number = (rows[0]?.number ?? 0) + 1;
    const inserted = await trx
      .insertInto('case_plans')
      .values({
        case_id: access.caseId,
        number,
        based_on_id: source?.id ?? null,
        status: 'draft',
        purpose: source?.purpose ?? null,
        goals: JSON.stringify(source ? storedGoals(source.goals) : []),
        agreements: JSON.stringify(source ? storedAgreements(source.agreements) : []),
        citizen_wishes: source?.citizen_wishes ?? null,
        citizen_participated: source?.citizen_participated ?? null,
        starts_on: source?.starts_on ?? null,
        ends_on: source?.ends_on ?? null,
        next_follow_up_on: source?.next_follow_up_on ?? null,
        follow_up_interval_days: source?.follow_up_interval_days ?? null,
        created_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'plan_drafted',
      changes: { plan: { from: null, to: number } },
      action: 'create',
      resourceType: 'case_plan',
      resourceId: inserted.id,
      details: { number, basedOn: source?.id ?? null },
    });
    return { plan: await loadPlan(trx, access.caseId, inserted.id), created: true };
  });
}

/** Saves a draft's content (a plan sent back becomes a draft again). */
export async function updatePlan(
  ctx: CaseWorkContext,
  access: CaseAccess,
  planId: string,
  body: UpdatePlan,
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    requireOpenCase(await lockCase(trx, access.caseId));
    const row = await lockPlan(trx, access.caseId, planId);
    if (row.status === 'submitted') throw stateProblem('plan_submitted');
    if (row.status === 'approved' || row.status === 'superseded') {
      throw stateProblem('plan_not_editable');
    }
    if (row.status === 'rejected') {
      const newer = await trx
        .selectFrom('case_plans')
        .select('id')
        .where('case_id', '=', access.caseId)
        .where('number', '>', row.number)
        .executeTakeFirst();
      if (newer) throw stateProblem('plan_not_editable');
    }
    if (row.version !== body.version) throw staleVersion(row.version);
    const problems = checkContent(body, await memberIds(trx, access.caseId), 'body');
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const updated = await trx
      .updateTable('case_plans')
      .set((eb) => ({
        status: 'draft',
        purpose: body.purpose || null,
        goals: JSON.stringify(toStoredGoals(body)),
        agreements: JSON.stringify(body.agreements),
        citizen_wishes: body.citizenWishes || null,
        citizen_participated: body.citizenParticipated,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        next_follow_up_on: body.nextFollowUpOn,
        follow_up_interval_days: body.followUpIntervalDays,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(row.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'plan_drafted',
      changes: { plan: { from: null, to: row.number } },
      action: 'update',
      resourceType: 'case_plan',
      resourceId: row.id,
      details: {
        number: row.number,
        from: row.status,
        goals: body.goals.length,
        agreements: body.agreements.length,
      },
    });
    return loadPlan(trx, access.caseId, row.id);
  });
}

/** Sends a draft to the case's coordinators for approval. */
export async function submitPlan(
  ctx: CaseWorkContext,
  access: CaseAccess,
  planId: string,
  version: number,
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    requireOpenCase(await lockCase(trx, access.caseId));
    const row = await lockPlan(trx, access.caseId, planId);
    if (row.status !== 'draft') throw stateProblem('plan_not_draft');
    if (row.version !== version) throw staleVersion(row.version);
    checkComplete(row, await memberIds(trx, access.caseId));
    await trx
      .updateTable('case_plans')
      .set((eb) => ({
        status: 'submitted',
        submitted_by: ctx.user.id,
        submitted_at: new Date(),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    await notifyCaseCoordinators(
      trx,
      access.caseId,
      'plan_awaiting_approval',
      { planId: row.id },
      ctx.user.id,
    );
    await recordCaseChange(trx, ctx, access, {
      kind: 'plan_submitted',
      changes: { plan: { from: null, to: row.number } },
      action: 'update',
      resourceType: 'case_plan',
      resourceId: row.id,
      details: { number: row.number, from: row.status, to: 'submitted' },
    });
    return loadPlan(trx, access.caseId, row.id);
  });
}

/**
 * Approves a submitted plan or a draft (the case's coordinators only). With the steering group
 * as approver, the meeting date is required and not in the future. The previous approved
 * version is superseded and the follow-ups are scheduled from the new one.
 */
export async function approvePlan(
  ctx: CaseWorkContext,
  access: CaseAccess,
  planId: string,
  body: ApprovePlan,
  now = new Date(),
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    requireOpenCase(await lockCase(trx, access.caseId));
    const row = await lockPlan(trx, access.caseId, planId);
    if (row.status !== 'draft' && row.status !== 'submitted') {
      throw stateProblem('plan_not_awaiting_approval');
    }
    if (row.version !== body.version) throw staleVersion(row.version);
    const today = danishToday(now);
    const settings = await getSettings(trx, access.municipalityCode);
    const meeting = body.steeringGroupMeetingOn;
    if (settings.planApproval === 'steering_group') {
      if (meeting === undefined) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.steeringGroupMeetingOn', code: 'required' }],
        });
      }
      if (meeting > today) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.steeringGroupMeetingOn', code: 'in_future' }],
        });
      }
    } else if (meeting !== undefined) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.steeringGroupMeetingOn', code: 'plan_steering_group_not_used' }],
      });
    }
    checkComplete(row, await memberIds(trx, access.caseId));

    const superseded = await trx
      .updateTable('case_plans')
      .set((eb) => ({
        status: 'superseded',
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('case_id', '=', access.caseId)
      .where('status', '=', 'approved')
      .returning('id')
      .execute();
    await trx
      .updateTable('case_plans')
      .set((eb) => ({
        status: 'approved',
        decided_by: ctx.user.id,
        decided_at: now,
        decision_comment: null,
        steering_group_meeting_on: meeting ?? null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    const followUps = await scheduleFollowUpsForPlan(
      trx,
      ctx,
      access,
      {
        id: row.id,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        nextFollowUpOn: row.next_follow_up_on,
        intervalDays: row.follow_up_interval_days,
      },
      today,
    );
    await recordCaseChange(trx, ctx, access, {
      kind: 'plan_approved',
      changes: { plan: { from: null, to: row.number } },
      action: 'update',
      resourceType: 'case_plan',
      resourceId: row.id,
      details: {
        number: row.number,
        from: row.status,
        to: 'approved',
        superseded: superseded.map((s) => s.id).join(',') || null,
        steeringGroup: meeting !== undefined,
        followUps,
      },
    });
    return loadPlan(trx, access.caseId, row.id);
  });
}

/** Sends a submitted plan back with a comment (the case's coordinators only). */
export async function rejectPlan(
  ctx: CaseWorkContext,
  access: CaseAccess,
  planId: string,
  body: RejectPlan,
  now = new Date(),
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    requireOpenCase(await lockCase(trx, access.caseId));
    const row = await lockPlan(trx, access.caseId, planId);
    if (row.status !== 'submitted') throw stateProblem('plan_not_awaiting_approval');
    if (row.version !== body.version) throw staleVersion(row.version);
    await trx
      .updateTable('case_plans')
      .set((eb) => ({
        status: 'rejected',
        decided_by: ctx.user.id,
        decided_at: now,
        decision_comment: body.comment,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    await recordCaseChange(trx, ctx, access, {
      kind: 'plan_rejected',
      changes: { plan: { from: null, to: row.number } },
      action: 'update',
      resourceType: 'case_plan',
      resourceId: row.id,
      details: { number: row.number, from: row.status, to: 'rejected' },
    });
    // The one who sent it for approval learns it came back (unless they sent it back themselves).
    const author = row.submitted_by ?? row.created_by;
    if (author !== ctx.user.id) {
      await notify(trx, [
        {
          userId: author,
          kind: 'plan_rejected',
          caseId: access.caseId,
          details: { planId: row.id },
        },
      ]);
    }
    return loadPlan(trx, access.caseId, row.id);
  });
}
