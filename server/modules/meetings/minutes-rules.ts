import type { FieldProblem } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';

/**
 * What the minutes of a forum may hold (issue 14 parts 6 and 7). The Infohus network and the
 * steering group keep themes, trends and anonymous figures only: free text that looks like a
 * CPR number or a case or inquiry reference is refused on its field (the steering group names
 * its plan approvals through the decision, never in text).
 */
export const PERSONAL_DATA_FREE_FORUMS = ['infohus_network', 'steering_group'];

export function textProblems(
  forumKind: string,
  fields: Record<string, string | null | undefined>,
): FieldProblem[] {
  if (!PERSONAL_DATA_FREE_FORUMS.includes(forumKind)) return [];
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const found = personalReferenceIn(value);
    if (found) problems.push({ field, code: `minutes_personal_reference_${found}` });
  }
  return problems;
}
