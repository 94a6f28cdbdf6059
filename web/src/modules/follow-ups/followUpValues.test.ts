import { describe, expect, it } from 'vitest';
import type { PlanGoal } from './followUpsApi';
import {
  recordBody,
  recordDefaults,
  recordRename,
  RecordSchema,
  ScheduleSchema,
} from './followUpValues';

/** The follow-up forms' values ↔ the request bodies of server/modules/follow-ups/schema.ts. */
const GOALS = [1, 2, 3].map((n) => ({
  key: `44444444-4444-4444-8444-44444444444${n}`,
  parentKey: null,
  text: `Mål ${n}`,
  status: 'in_progress',
})) as PlanGoal[];

describe('follow-up values', () => {
  it('needs the concern level judged again and a date', () => {
    const parsed = RecordSchema.safeParse({ ...recordDefaults(GOALS), heldOn: '' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['heldOn', 'concernLevel']));
    expect(ScheduleSchema.safeParse({ dueOn: '' }).success).toBe(false);
    expect(ScheduleSchema.parse({ dueOn: '2026-05-01' })).toEqual({ dueOn: '2026-05-01' });
  });

  it('sends only the goals assessed and the competences rated, as numbers', () => {
    const values = recordDefaults(GOALS);
    values.heldOn = '2026-02-10';
    values.concernLevel = 'moderate';
    values.summary = '  ';
    values.goals[1] = { goalKey: GOALS[1]!.key, status: 'achieved', note: ' God uge ' };
    values.goals[2] = { goalKey: GOALS[2]!.key, status: 'dropped', note: '' };
    values.competences.network = '3';
    values.competences.focus = '1';
    expect(recordBody(RecordSchema.parse(values))).toEqual({
      heldOn: '2026-02-10',
      concernLevel: 'moderate',
      goalProgress: [
        { goalKey: GOALS[1]!.key, status: 'achieved', note: 'God uge' },
        { goalKey: GOALS[2]!.key, status: 'dropped' },
      ],
      competences: { network: 3, focus: 1 },
    });
  });

  it("leaves out the competences when none is rated, and names the server's goal problems", () => {
    const values = { ...recordDefaults(GOALS), concernLevel: 'low' as const, summary: 'Resumé' };
    values.goals[2] = { goalKey: GOALS[2]!.key, status: 'achieved', note: '' };
    const body = recordBody(RecordSchema.parse(values));
    expect(body).not.toHaveProperty('competences');
    expect(body.summary).toBe('Resumé');
    const rename = recordRename(values);
    expect(rename('goalProgress.0.goalKey')).toBe('goals.2.status');
    expect(rename('goalProgress.0.note')).toBe('goals.2.note');
    expect(rename('goalProgress.4.status')).toBeNull();
    expect(rename('heldOn')).toBe('heldOn');
  });
});
