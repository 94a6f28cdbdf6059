import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { ConcernLevelSchema, GoalStatusSchema } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { BackdateReasonSchema, ConcernChangeSchema } from '../../../shared/values.ts';
import { approvedPlanGoals } from '../plans/queries.ts';
import { assessmentConcernLevels, caseConcernLevel, followUpRows } from './queries.ts';
import { FollowUpStatusSchema, type FollowUp, type FollowUpList } from './schema.ts';

/**
 * Listing a case's follow-ups: every follow-up (overdue when scheduled before today), the goals of
 * the approved plan they follow, the case's concern level and the life-competence series.
 */

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
export async function approvedGoals(db: Kysely<DB>, theCase: CaseKey) {
  return (await approvedPlanGoals(db, theCase)).map((g) => ({
    key: g.key,
    parentKey: g.parentKey,
    text: g.text,
    status: g.status,
  }));
}

/** Every follow-up of the case, the approved plan's goals and the competence series. */
export async function listFollowUps(
  db: Kysely<DB>,
  theCase: CaseKey,
  now: Date,
): Promise<FollowUpList> {
  const today = danishToday(now);
  const rows = await followUpRows(db, theCase);
  const level = await caseConcernLevel(db, theCase);
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
      backdateReason: BackdateReasonSchema.nullable().parse(r.backdate_reason),
      backdateNote: r.backdate_note,
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
    goals: await approvedGoals(db, theCase),
    concernLevel: level == null ? null : ConcernLevelSchema.parse(level),
    competenceSeries,
    concernSeries: concernSeries(items, await assessmentConcernLevels(db, theCase)),
  };
}

type Assessed = Awaited<ReturnType<typeof assessmentConcernLevels>>;

/** The final assessments' and the held follow-ups' concern levels, oldest first. */
function concernSeries(items: FollowUp[], assessed: Assessed): FollowUpList['concernSeries'] {
  const fromAssessments = assessed.flatMap((a) =>
    a.finalised_at && a.concern_level
      ? [
          {
            on: danishToday(new Date(a.finalised_at)),
            level: ConcernLevelSchema.parse(a.concern_level),
            source: 'assessment' as const,
          },
        ]
      : [],
  );
  const fromFollowUps = items.flatMap((f) =>
    f.status === 'done' && f.heldOn && f.concernLevel
      ? [{ on: f.heldOn, level: f.concernLevel, source: 'follow_up' as const }]
      : [],
  );
  // A stable sort keeps an assessment before a follow-up held on the same day.
  return [...fromAssessments, ...fromFollowUps].sort((a, b) =>
    a.on < b.on ? -1 : a.on > b.on ? 1 : 0,
  );
}
