import {
  AGE_GROUPS,
  AUTHORITY_AREAS,
  ENVIRONMENTS,
  EXTREMISM_FORMS,
  SUBJECT_KINDS,
} from '../../../../shared/values.ts';

/**
 * The case's classification (the compartment's fields a coordinator edits): the fields a
 * classification change names, and how a coded value of each is named. The compartment view,
 * the classification form and the chronology all name the values from here.
 */
export const CLASSIFICATION_FIELDS = [
  'extremismForm',
  'extremismFormOther',
  'ageGroup',
  'authorityArea',
  'primaryConcern',
  'subjectKind',
  'environment',
] as const;

/** The classification's fields that hold a code from a list. */
export type CodedField =
  'extremismForm' | 'ageGroup' | 'authorityArea' | 'subjectKind' | 'environment';

/** Each coded field's list of values, in the order a form offers them. */
export const CODED_VALUES = {
  extremismForm: EXTREMISM_FORMS,
  ageGroup: AGE_GROUPS,
  authorityArea: AUTHORITY_AREAS,
  subjectKind: SUBJECT_KINDS,
  environment: ENVIRONMENTS,
} as const;

const isIn = <T extends string>(value: string, list: readonly T[]): value is T =>
  (list as readonly string[]).includes(value);

/** The translation key of a classification code, or null when the field has no such code. */
export function classificationValueKey(field: string, value: string) {
  if (field === 'extremismForm' && isIn(value, EXTREMISM_FORMS)) {
    return `cases.compartment.forms.${value}` as const;
  }
  if (field === 'ageGroup' && isIn(value, AGE_GROUPS)) {
    return `cases.compartment.ageGroups.${value}` as const;
  }
  if (field === 'authorityArea' && isIn(value, AUTHORITY_AREAS)) {
    return `cases.compartment.authorityAreas.${value}` as const;
  }
  if (field === 'subjectKind' && isIn(value, SUBJECT_KINDS)) {
    return `cases.compartment.subjectKinds.${value}` as const;
  }
  if (field === 'environment' && isIn(value, ENVIRONMENTS)) {
    return `cases.compartment.environments.${value}` as const;
  }
  return null;
}
