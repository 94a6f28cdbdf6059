import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaPlan } from './areaPlansApi';
import type * as Values from './areaPlanValues';

let areaPlanFormPath: typeof Values.areaPlanFormPath;
let compareGoals: typeof Values.compareGoals;
let toAreaPlanBody: typeof Values.toAreaPlanBody;

beforeAll(async () => {
  // i18n reads the page's language; a bare node test has no page.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  ({ areaPlanFormPath, compareGoals, toAreaPlanBody } = await import('./areaPlanValues'));
});

const goal = (key: string, title: string, over: Partial<AreaPlan['goals'][number]> = {}) => ({
  key,
  title,
  description: null,
  responsible: { role: 'Boligselskabet', name: 'Boligselskabet' },
  dueOn: '2027-06-30',
  reviewOn: null,
  connectorIds: [],
  connectors: [],
  status: 'not_started' as const,
  history: [],
  ...over,
});
const plan = (goals: AreaPlan['goals']) => ({ goals }) as AreaPlan;

describe('the area action plan form', () => {
  it('sends the responsible person as a team member or a role, and none when not chosen', () => {
    const base = {
      key: 'k',
      title: 'Mål',
      description: null,
      dueOn: '2027-01-01',
      reviewOn: null,
      connectorIds: [],
    };
    const body = toAreaPlanBody(
      {
        reflection: { first: null, efforts: null, responsibility: null, connectors: null },
        goals: [
          { ...base, responsible: 'role', role: 'Klubben' },
          { ...base, responsible: 'u1', role: '' },
          { ...base, responsible: '', role: '' },
        ],
      },
      3,
    );
    expect(body.goals.map((g) => g.responsible)).toEqual([
      { role: 'Klubben' },
      { userId: 'u1' },
      null,
    ]);
  });

  it("puts the server's problems on the form's fields", () => {
    expect(areaPlanFormPath('goals.2.responsible')).toBe('goals.2.responsible');
    expect(areaPlanFormPath('goals.2.responsible.role')).toBe('goals.2.role');
    expect(areaPlanFormPath('goals.0.key')).toBe('goals.0.title');
    expect(areaPlanFormPath('version')).toBeNull();
  });

  it('names the goals added, changed and removed since the version a draft is based on', () => {
    const before = plan([goal('a', 'Træning'), goal('b', 'Lys')]);
    const after = plan([
      goal('a', 'Træning', { dueOn: '2027-09-30' }),
      goal('c', 'Fællesspisning'),
    ]);
    expect(compareGoals(before, after)).toEqual({
      added: ['Fællesspisning'],
      removed: ['Lys'],
      changed: ['Træning'],
    });
  });
});
