import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import type { Relation } from './schema.ts';

/**
 * The map's rules on its content, checked before anything is stored (all problems at once, each
 * on its field):
 * - no CPR number in a role, a note or the occasion: persons around the citizen are described by
 *   their role, never registered (`network_map_cpr`);
 * - a linked person must be a person of the case (`network_map_person_not_on_case`);
 * - the extremist environment is a description of an environment, never a list of people: no
 *   linked person there (`network_map_environment_person`);
 * - each relation's key once (`network_map_duplicate_key`).
 */
export function refuseBadContent(
  content: { occasion: string | null; relations: readonly Relation[] },
  casePersons: Map<string, string>,
): void {
  const problems: FieldProblem[] = [];
  if (content.occasion !== null && personalReferenceIn(content.occasion) === 'cpr') {
    problems.push({ field: 'body.occasion', code: 'network_map_cpr' });
  }
  const keys = new Set<string>();
  content.relations.forEach((r, i) => {
    const at = `body.relations.${i}`;
    if (keys.has(r.key)) problems.push({ field: `${at}.key`, code: 'network_map_duplicate_key' });
    keys.add(r.key);
    if (personalReferenceIn(r.label) === 'cpr') {
      problems.push({ field: `${at}.label`, code: 'network_map_cpr' });
    }
    if (r.note !== null && personalReferenceIn(r.note) === 'cpr') {
      problems.push({ field: `${at}.note`, code: 'network_map_cpr' });
    }
    if (r.personId !== null) {
      if (r.sector === 'extremist_environment') {
        problems.push({ field: `${at}.personId`, code: 'network_map_environment_person' });
      } else if (!casePersons.has(r.personId)) {
        problems.push({ field: `${at}.personId`, code: 'network_map_person_not_on_case' });
      }
    }
  });
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}
