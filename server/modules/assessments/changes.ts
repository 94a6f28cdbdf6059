import { DIMENSIONS, type Dimension } from './schema.ts';

/**
 * What an edit of an assessment changed, as the chronology tells it (issue 12): field by field,
 * old → new in words. One list of the assessment's fields, in the tool's order, for the server
 * that records the change, the web's chronology and the case summary PDF that show it (no Node
 * code here: the web imports it as it imports the schemas). Each field's label is the
 * translation of its key (`assessments.fields.*`, `assessments.dimensions.*` and
 * `assessments.lenses.*` on the web, `caseSummary.assessmentFields.*` on the server; a test
 * checks that both have every one).
 *
 * What is stored never holds the assessment's texts: a text is stored as whether it was filled
 * in (`'text'`) or empty (null), so the chronology says "udfyldt", "ændret" or "slettet"; a list
 * of factors as its number of points; the concern level as its code; the follow-up interval as
 * days. The fields of the compartment (the risk lens of each dimension, the risk factors, the
 * overall judgement) go into an event of their own that is compartmented like the source, so
 * readers without the compartment never learn even which of them changed.
 */
export type AssessmentChangeKind = 'text' | 'list' | 'level' | 'interval';

export interface AssessmentChangeField {
  /** The key in the event's changes: `violence.risk`, `resources`, `concernLevel` … */
  key: string;
  kind: AssessmentChangeKind;
  /** Content of the compartment: recorded only in a compartment event. */
  compartment: boolean;
  /** A dimension's lens: the dimension and the lens, labelled together. */
  dimension?: Dimension;
  lens?: 'risk' | 'wellbeing';
}

const field = (
  key: string,
  kind: AssessmentChangeKind,
  compartment = false,
): AssessmentChangeField => ({ key, kind, compartment });

export const ASSESSMENT_CHANGE_FIELDS: readonly AssessmentChangeField[] = [
  ...DIMENSIONS.flatMap((dimension): AssessmentChangeField[] => [
    { key: `${dimension}.risk`, kind: 'text', compartment: true, dimension, lens: 'risk' },
    {
      key: `${dimension}.wellbeing`,
      kind: 'text',
      compartment: false,
      dimension,
      lens: 'wellbeing',
    },
  ]),
  field('riskFactors', 'list', true),
  field('protectiveFactors', 'list'),
  field('resources', 'text'),
  field('citizenPerspective', 'text'),
  field('childView', 'text'),
  field('childInvolvement', 'text'),
  field('sources', 'text'),
  field('overallJudgement', 'text', true),
  field('concernLevel', 'level'),
  field('recommendedInterventions', 'text'),
  field('interventionTargets', 'text'),
  field('followUpIntervalDays', 'interval'),
];

const BY_KEY = new Map(ASSESSMENT_CHANGE_FIELDS.map((f) => [f.key, f]));

/** The field of an assessment event's change; undefined for a key that is not one. */
export function assessmentChangeField(key: string): AssessmentChangeField | undefined {
  return BY_KEY.get(key);
}

type Value = string | number | boolean | null;
type Change = { from: Value; to: Value };

/** A dimension's two lenses and every other field, as an edit compares them. */
export interface ComparableContent {
  dimensions: Record<Dimension, { risk: string | null; wellbeing: string | null }>;
  riskFactors: string[];
  protectiveFactors: string[];
  concernLevel: string | null;
  followUpIntervalDays: number | null;
}

function valueOf(content: ComparableContent, f: AssessmentChangeField): unknown {
  if (f.dimension && f.lens) return content.dimensions[f.dimension][f.lens];
  return (content as unknown as Record<string, unknown>)[f.key];
}

/** What is stored of a value: never a text itself. */
function stored(f: AssessmentChangeField, value: unknown): Value {
  switch (f.kind) {
    case 'text':
      return typeof value === 'string' && value !== '' ? 'text' : null;
    case 'list':
      return Array.isArray(value) ? value.length : 0;
    case 'level':
    case 'interval':
      return typeof value === 'string' || typeof value === 'number' ? value : null;
  }
}

/**
 * The changes of an edit, split as they are recorded: the ordinary fields, and the fields of the
 * compartment (for an event only readers with the compartment see). Unchanged fields are left out.
 */
export function assessmentChanges(
  before: ComparableContent,
  after: ComparableContent,
): { ordinary: Record<string, Change>; compartment: Record<string, Change> } {
  const ordinary: Record<string, Change> = {};
  const compartment: Record<string, Change> = {};
  for (const f of ASSESSMENT_CHANGE_FIELDS) {
    const old = valueOf(before, f);
    const now = valueOf(after, f);
    if (JSON.stringify(old ?? null) === JSON.stringify(now ?? null)) continue;
    (f.compartment ? compartment : ordinary)[f.key] = {
      from: stored(f, old),
      to: stored(f, now),
    };
  }
  return { ordinary, compartment };
}

/** How a text field changed: filled in, changed, or emptied. */
export function textChange(change: Change): 'filled' | 'changed' | 'emptied' {
  if (change.from === null) return 'filled';
  if (change.to === null) return 'emptied';
  return 'changed';
}

/** Is this event kind one whose changes are an assessment's fields? */
export const isAssessmentEdit = (kind: string) => kind === 'assessment_updated';
