import type { Kysely, Transaction } from 'kysely';
import { PartnerPartSchema, type PartnerPart } from '../../../shared/partners.ts';
import type { DataCategory } from '../../../shared/sharing.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { caseInterventions, currentPlanGoals } from './queries.ts';

/**
 * The checks every invitation and change makes on what is granted: the parts from the list (the
 * compartment never), the goal keys from the case's current plan, the intervention ids from the
 * case, an end date after today. Each problem is a Danish message on its field (400).
 */
export interface Grant {
  parts: PartnerPart[];
  goalKeys: string[];
  interventionIds: string[];
}

export async function checkGrant(
  db: Kysely<DB> | Transaction<DB>,
  key: CaseKey,
  body: { parts: string[]; goalKeys: string[]; interventionIds: string[]; endsOn: string },
  today: string,
  problems: FieldProblem[],
): Promise<Grant> {
  const parts: PartnerPart[] = [];
  if (body.parts.length === 0)
    problems.push({ field: 'body.parts', code: 'partner_parts_required' });
  body.parts.forEach((part, index) => {
    const parsed = PartnerPartSchema.safeParse(part);
    if (parsed.success) {
      if (!parts.includes(parsed.data)) parts.push(parsed.data);
    } else {
      problems.push({
        field: `body.parts.${index}`,
        code: part === 'compartment' ? 'partner_part_compartment' : 'partner_part_unknown',
      });
    }
  });

  const goalKeys = [...new Set(body.goalKeys)];
  if (goalKeys.length > 0 && !parts.includes('planGoals')) {
    problems.push({ field: 'body.goalKeys', code: 'partner_only_with_part' });
  } else if (parts.includes('planGoals')) {
    if (goalKeys.length === 0)
      problems.push({ field: 'body.goalKeys', code: 'partner_goals_required' });
    const known = new Set((await currentPlanGoals(db, key)).map((g) => g.key));
    body.goalKeys.forEach((goalKey, index) => {
      if (!known.has(goalKey)) {
        problems.push({ field: `body.goalKeys.${index}`, code: 'partner_goal_not_in_case' });
      }
    });
  }

  const interventionIds = [...new Set(body.interventionIds)];
  if (interventionIds.length > 0 && !parts.includes('ownInterventions')) {
    problems.push({ field: 'body.interventionIds', code: 'partner_only_with_part' });
  } else if (parts.includes('ownInterventions')) {
    if (interventionIds.length === 0) {
      problems.push({ field: 'body.interventionIds', code: 'partner_interventions_required' });
    }
    const known = new Set((await caseInterventions(db, key)).map((i) => i.id));
    body.interventionIds.forEach((id, index) => {
      if (!known.has(id)) {
        problems.push({
          field: `body.interventionIds.${index}`,
          code: 'partner_intervention_not_in_case',
        });
      }
    });
  }

  if (body.endsOn <= today) problems.push({ field: 'body.endsOn', code: 'partner_end_not_future' });
  return { parts, goalKeys, interventionIds };
}

/** The categories of information a grant discloses (for the disclosure register). */
export function categoriesOf(parts: readonly PartnerPart[]): DataCategory[] {
  const categories = new Set<DataCategory>();
  for (const part of parts) {
    if (part === 'overview') categories.add('identity').add('case_history');
    if (part === 'planGoals') categories.add('plan');
    if (part === 'ownInterventions') categories.add('interventions');
  }
  // A partner who only writes back still learns that the case exists.
  if (categories.size === 0) categories.add('case_history');
  return [...categories];
}

/** The parts stored on an invitation that are known parts (a stored value is a plain string). */
export function partsOf(parts: readonly string[]): PartnerPart[] {
  return parts.filter((p): p is PartnerPart => PartnerPartSchema.safeParse(p).success);
}
