import { describe, expect, it } from 'vitest';
import type { ClosureOverview, Review } from './closureApi';
import {
  proposeBody,
  proposeDefaults,
  proposeRename,
  ProposeSchema,
  reviewBody,
  reviewDefaults,
  ReviewSchema,
} from './closureValues';

/** The closure forms' values ↔ the request bodies of server/modules/closure/schema.ts. */
const GOALS = ['g-1', 'g-2', 'g-3'];
const A = '55555555-5555-4555-8555-555555555551';
const B = '55555555-5555-4555-8555-555555555552';
const UNIT = '66666666-6666-4666-8666-666666666666';
const ID = '77777777-7777-4777-8777-777777777777';

const overview = {
  goals: GOALS.map((key, i) => ({
    key,
    parentKey: null,
    text: key,
    status: i === 0 ? 'achieved' : null,
  })),
  openInterventions: [A, B].map((id) => ({
    id,
    typeName: 'Mentor',
    personName: 'Ali',
    status: 'active',
  })),
  units: [{ id: UNIT, name: 'Enheden' }],
} as unknown as ClosureOverview;

describe('closure proposal values', () => {
  it('starts from the plan: each goal with its status or none, no dispositions', () => {
    const values = proposeDefaults(overview);
    expect(values.goals.map((g) => g.status)).toEqual(['achieved', '', '']);
    expect(values.dispositions).toEqual([
      { interventionId: A, disposition: null },
      { interventionId: B, disposition: null },
    ]);
    expect(ProposeSchema.safeParse(values).success).toBe(false);
  });

  it('sends the unit only when transferred, and only goals and interventions given a value', () => {
    const values = {
      ...proposeDefaults(overview),
      outcome: 'transferred' as const,
      transferredUnitId: UNIT,
      outcomeOther: 'kept from before',
      reason: '  Skolegangen er stabil. ',
    };
    values.dispositions[1] = { interventionId: B, disposition: 'end' };
    const body = proposeBody(ProposeSchema.parse(values), ID);
    expect(body).toEqual({
      id: ID,
      outcome: 'transferred',
      transferredUnitId: UNIT,
      outcomeOther: null,
      reason: 'Skolegangen er stabil.',
      goalStatuses: [{ goalKey: 'g-1', status: 'achieved' }],
      interventionDispositions: [{ interventionId: B, disposition: 'end' }],
    });
  });

  it("names the server's problems at the form's fields", () => {
    const values = proposeDefaults(overview);
    values.goals[2] = { goalKey: 'g-3', status: 'dropped' };
    values.dispositions[1] = { interventionId: B, disposition: 'end' };
    const rename = proposeRename(values);
    expect(rename('goalStatuses')).toBe('goals');
    expect(rename('goalStatuses.1.goalKey')).toBe('goals.2.status');
    expect(rename('interventionDispositions.0.interventionId')).toBe('dispositions.1.disposition');
    expect(rename('interventionDispositions')).toBe('dispositions');
    expect(rename('reason')).toBe('reason');
  });
});

describe('re-review values', () => {
  const review = { version: 4 } as Review;

  it('needs a decision; sends the answers as booleans and leaves out what is empty', () => {
    expect(ReviewSchema.safeParse(reviewDefaults()).success).toBe(false);
    const values = {
      ...reviewDefaults(),
      decision: 'confirm' as const,
      heldOn: '2026-03-01',
      noLongerAtRisk: 'yes' as const,
    };
    expect(reviewBody(ReviewSchema.parse(values), review)).toEqual({
      version: 4,
      decision: 'confirm',
      heldOn: '2026-03-01',
      noLongerAtRisk: true,
    });
    const reopen = {
      ...values,
      decision: 'reopen' as const,
      reason: ' Ny bekymring ',
      noLongerAtRisk: 'no' as const,
    };
    expect(reviewBody(ReviewSchema.parse(reopen), review)).toMatchObject({
      reason: 'Ny bekymring',
      noLongerAtRisk: false,
    });
  });

  it('refuses a date it cannot read', () => {
    const values = { ...reviewDefaults(), decision: 'confirm' as const, heldOn: '31.02.2026' };
    const parsed = ReviewSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['heldOn']);
  });
});
