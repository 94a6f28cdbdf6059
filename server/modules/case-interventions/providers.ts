import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import { notify } from '../notifications/service.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { auditMembership } from '../cases/case-work.ts';
import type { Changes } from '../cases/chronology.ts';
import { addInterventionProvider } from '../cases/queries-case-rows.ts';

/**
 * Makes the provider a member of the case who sees only the interventions they provide (unless
 * they already are a member) and tells them about the assignment. Returns the changes for the
 * chronology.
 */
export async function assignProvider(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  provider: { id: string; display_name: string },
  interventionId: string,
): Promise<Changes> {
  const changes: Changes = {};
  const joined = await addInterventionProvider(trx, access, provider.id, ctx.user.id);
  if (joined) {
    changes.member = { from: null, to: provider.display_name };
    changes.scope = { from: null, to: 'intervention' };
    await auditMembership(trx, ctx, access, {
      change: 'member_added',
      memberUserId: provider.id,
      role: 'member',
      scope: 'intervention',
      interventionId,
    });
  }
  if (provider.id !== ctx.user.id) {
    await notify(trx, [
      {
        userId: provider.id,
        kind: 'intervention_assigned',
        caseId: access.caseId,
        details: { interventionId },
      },
    ]);
  }
  return changes;
}
