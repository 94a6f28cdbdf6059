import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { RequestContext } from '../../platform/context.ts';
import { setCaseConcernLevel } from '../cases/queries-case-rows.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  CONCERN_ORDER,
  ConcernLevelSchema,
  caseBackdate,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type ConcernLevel,
  type LockedCase,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { approvedGoals } from './listing.ts';
import { heldLater, lockFollowUpRow, updateFollowUpRow } from './queries.ts';
import type { RecordFollowUp } from './schema.ts';

/**
 * Recording a held follow-up: the concern level re-judged (up, same, down against the case's
 * current level), the progress of the approved plan's goals and optional life-competence
 * ratings. Every change appends its chronology event and audit entries in its transaction.
 */

/** The rules of a held follow-up; field names are prefixed with `body.`. */
export async function checkRecord(
  trx: Transaction<DB>,
  theCase: CaseKey,
  locked: LockedCase,
  body: Pick<RecordFollowUp, 'heldOn' | 'goalProgress' | 'backdateReason' | 'backdateNote'>,
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  // Held before the case was opened here: only with a reason, never before the concern.
  caseBackdate(locked, { 'body.heldOn': body.heldOn }, body, problems);
  if (body.heldOn > today) problems.push({ field: 'body.heldOn', code: 'in_future' });
  if (body.goalProgress.length > 0) {
    const keys = new Set((await approvedGoals(trx, theCase)).map((g) => g.key.toLowerCase()));
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

export function reject(problems: FieldProblem[]): void {
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

export type RecordValues = Pick<
  RecordFollowUp,
  | 'heldOn'
  | 'concernLevel'
  | 'summary'
  | 'goalProgress'
  | 'competences'
  | 'backdateReason'
  | 'backdateNote'
>;

/** Stores the record on a follow-up row and moves the case's concern level (in `trx`). */
export async function applyRecord(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  locked: LockedCase,
  followUpId: string,
  body: RecordValues,
): Promise<number> {
  const change = concernChange(locked.concernLevel, body.concernLevel);
  const competences =
    body.competences && Object.keys(body.competences).length > 0 ? body.competences : null;
  const backdate = caseBackdate(locked, { heldOn: body.heldOn }, body, []);
  const version = await updateFollowUpRow(trx, access, followUpId, {
    ...backdate.stored,
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
  });
  // A follow-up recorded after a later one was held does not overwrite the newer judgement.
  const later = await heldLater(trx, access, body.heldOn);
  if (!later) {
    // The concern level is not an edit of the case's own fields: its version stays.
    await setCaseConcernLevel(trx, access, body.concernLevel, new Date());
  }
  await recordCaseChange(trx, ctx, access, {
    kind: 'follow_up_recorded',
    changes: { concernLevel: { from: locked.concernLevel, to: body.concernLevel } },
    action: 'update',
    resourceType: 'case_follow_up',
    resourceId: followUpId,
    backdate: backdate.event,
    details: {
      concernChange: change,
      goals: body.goalProgress.length,
      competences: competences !== null,
    },
  });
  return version;
}
/**
 * The open case and its scheduled follow-up, both locked, for a change to the follow-up at
 * `version`: 404 when the case has no such follow-up, 409 when it has changed, 400 when it is
 * no longer scheduled.
 */
export async function lockScheduledFollowUp(
  trx: Transaction<DB>,
  access: CaseAccess,
  followUpId: string,
  version: number,
) {
  const locked = await lockCase(trx, access);
  requireOpenCase(locked);
  const current = await lockFollowUpRow(trx, access, followUpId);
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw staleVersion(current.version);
  if (current.status !== 'scheduled') {
    reject([{ field: 'params.followUpId', code: 'follow_up_not_scheduled' }]);
  }
  return { locked, current };
}

/** Records a scheduled follow-up as held. */
export async function recordFollowUp(
  ctx: RequestContext,
  access: CaseAccess,
  followUpId: string,
  body: RecordFollowUp,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'followUps', 'write');
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const { locked } = await lockScheduledFollowUp(trx, access, followUpId, body.version);
    reject(await checkRecord(trx, access, locked, body, today));
    const version = await applyRecord(trx, ctx, access, locked, followUpId, body);
    return { id: followUpId, version };
  });
}
