import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import {
  PERSON_CATEGORIES,
  SIGN_CATEGORIES,
  signsOf,
  type ContributionCategory,
} from '../../../shared/housing-areas.ts';

/**
 * The rules on a round's texts, checked before anything is stored (all problems at once, each
 * on its field):
 * - no CPR number and no case or inquiry reference in any text: places, groups and local actors
 *   are described by role and organisation, a resource person or positive connector by role and
 *   how to reach them — never as a citizen of the register (`area_round_personal_reference`);
 * - a sign category names a sign of its list (`area_round_sign_required`, `area_round_sign_unknown`);
 * - the level is the area or one of its live zones and places (`area_round_part_unknown`).
 */

export function textProblems(texts: Record<string, string | null | undefined>): FieldProblem[] {
  return Object.entries(texts).flatMap(([field, value]) =>
    value != null && personalReferenceIn(value) !== null
      ? [{ field, code: 'area_round_personal_reference' }]
      : [],
  );
}

export function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

export interface ItemContent {
  partId: string | null;
  category: ContributionCategory;
  sign: string | null;
  label: string;
  description: string | null;
  howToReach: string | null;
}

/** The problems of one contribution or overview item; `at` prefixes the fields (`body`). */
export function itemProblems(
  item: ItemContent,
  at: string,
  partIds: ReadonlySet<string>,
): FieldProblem[] {
  const problems = textProblems({
    [`${at}.label`]: item.label,
    [`${at}.description`]: item.description,
    [`${at}.howToReach`]: item.howToReach,
  });
  if ((SIGN_CATEGORIES as readonly string[]).includes(item.category)) {
    if (item.sign === null)
      problems.push({ field: `${at}.sign`, code: 'area_round_sign_required' });
    else if (!(signsOf(item.category) as readonly string[]).includes(item.sign)) {
      problems.push({ field: `${at}.sign`, code: 'area_round_sign_unknown' });
    }
  }
  if (item.partId !== null && !partIds.has(item.partId)) {
    problems.push({ field: `${at}.partId`, code: 'area_round_part_unknown' });
  }
  return problems;
}

/** What is stored: a sign only for sign categories, how to reach only for persons. */
export function storedContent<T extends ItemContent>(item: T): T {
  return {
    ...item,
    sign: (SIGN_CATEGORIES as readonly string[]).includes(item.category) ? item.sign : null,
    howToReach: (PERSON_CATEGORIES as readonly string[]).includes(item.category)
      ? item.howToReach
      : null,
  };
}
