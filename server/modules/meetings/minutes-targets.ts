import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ItemAccess } from '../../access/minutes-access.ts';
import { caseClosures, caseReviews } from '../closure/queries.ts';
import { planRows } from '../plans/queries.ts';
import type { MinutesTarget } from './minutes-schema.ts';

/**
 * What a decision on an item acts on, read through the owning module: the re-review that is due
 * or the closure proposal waiting for a coordinator (closure module) or the plan awaiting approval
 * (plans module), with the version the decision
 * must name. Null for other items, or when there is nothing to decide.
 */
export async function itemTarget(
  db: Kysely<DB>,
  itemKind: string,
  access: ItemAccess,
  decisions: readonly string[],
): Promise<MinutesTarget | null> {
  if (access.kind !== 'case') return null;
  if (decisions.includes('closure_approved')) {
    const pending = (await caseClosures(db, access.access)).find((c) => c.status === 'proposed');
    return pending ? { kind: 'closure', id: pending.id, outcome: pending.outcome } : null;
  }
  if (itemKind === 're_review') {
    const due = (await caseReviews(db, access.access))
      .filter((r) => r.status === 'scheduled')
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
    return due ? { kind: 'review', id: due.id, version: due.version, months: due.months } : null;
  }
  if (itemKind === 'plan_approval') {
    const plan = (await planRows(db, access.access))
      .filter((p) => p.status === 'submitted' || p.status === 'draft')
      .sort((a, b) => b.number - a.number)[0];
    return plan ? { kind: 'plan', id: plan.id, version: plan.version, number: plan.number } : null;
  }
  return null;
}
