import { beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../app/api';
import type { Assessment } from './assessmentsApi';
import type * as Values from './assessmentValues';

// The icon sprite is an asset of the browser build.

/** The draft's form values ↔ the request body, and problems put on the rows they came from. */

let v: typeof Values;
let ApiError: typeof Api.ApiError;

beforeAll(async () => {
  // The app's i18n module sets <html lang>; a stand-in document is enough here.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  v = await import('./assessmentValues');
  ({ ApiError } = await import('../../app/api'));
});

const dimension = { risk: null, wellbeing: null };
const draft = {
  dimensions: {
    convictions_rhetoric: { risk: 'Støtte til IS', wellbeing: null },
    personality: dimension,
    violence: dimension,
    mental_vulnerability: dimension,
    criminal_history: dimension,
    family: { risk: null, wellbeing: 'Tæt på søsteren' },
    socialisation_relationships: dimension,
    network_leisure: dimension,
    education_employment: dimension,
  },
  riskFactors: ['Skolefravær'],
  protectiveFactors: [],
  resources: null,
  citizenPerspective: 'Vil have ro',
  aboutChild: false,
  childView: null,
  childInvolvement: null,
  sources: null,
  overallJudgement: null,
  concernLevel: null,
  recommendedInterventions: null,
  interventionTargets: null,
  followUpIntervalDays: 30,
} as unknown as Assessment;

describe('assessment values', () => {
  it('holds empty texts as typed and no concern level as none', () => {
    const values = v.valuesOf(draft);
    expect(values.dimensions.convictions_rhetoric).toEqual({
      risk: 'Støtte til IS',
      wellbeing: '',
    });
    expect(values.resources).toBe('');
    expect(values.concernLevel).toBe('none');
    expect(values.followUpIntervalDays).toBe(30);
  });

  it('sends blank texts as null, leaves blank rows out and none as null', () => {
    const values = v.valuesOf(draft);
    values.riskFactors = ['', 'Skolefravær', '  ', 'Faderens holdninger'];
    values.sources = '   ';
    values.concernLevel = 'high';
    const body = v.bodyOf(values, 4);
    expect(body.version).toBe(4);
    expect(body.riskFactors).toEqual(['Skolefravær', 'Faderens holdninger']);
    expect(body.sources).toBeNull();
    expect(body.citizenPerspective).toBe('Vil have ro');
    expect(body.concernLevel).toBe('high');
    expect(body.dimensions?.family).toEqual({ risk: null, wellbeing: 'Tæt på søsteren' });
    expect(v.bodyOf({ ...values, concernLevel: 'none' }, 4).concernLevel).toBeNull();
  });

  it("holds a child's own view for a child only, and sends it for a child", () => {
    const child = {
      ...draft,
      aboutChild: true,
      childView: 'Vil bo hjemme',
      childInvolvement: 'Samtale',
    };
    const values = v.valuesOf(child);
    expect([values.childView, values.childInvolvement]).toEqual(['Vil bo hjemme', 'Samtale']);
    const body = v.bodyOf(values, 2);
    expect([body.childView, body.childInvolvement]).toEqual(['Vil bo hjemme', 'Samtale']);
    // Turned 18 since: the fields are not held, so the save leaves them empty.
    const adult = v.bodyOf(v.valuesOf({ ...child, aboutChild: false }), 2);
    expect([adult.childView, adult.childInvolvement]).toEqual([null, null]);
  });

  it("puts the schema's problem on the row it came from", async () => {
    const values = v.valuesOf(draft);
    values.protectiveFactors = ['', 'x'.repeat(501)];
    const parsed = await v.AssessmentValuesSchema.safeParseAsync(values);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'protectiveFactors.1',
    ]);
  });

  it("puts the server's problem on the row it came from", () => {
    const values = v.valuesOf(draft);
    values.riskFactors = ['', 'a', '', 'b'];
    const error = new ApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'Ugyldig',
        requestId: 'r',
        fields: [{ field: 'body.riskFactors.1', code: 'too_big_string', message: 'For lang' }],
      },
    });
    const moved = v.onFormRows(error, values) as Api.ApiError;
    expect(moved.fields.map((f) => f.field)).toEqual(['body.riskFactors.3']);
  });
});
