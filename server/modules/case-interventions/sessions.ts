import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  caseBackdate,
  inCaseTransaction,
  recordCaseChange,
  requireOpenCase,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { insertSession, lockIntervention } from './queries-writes.ts';
import type { SessionBody } from './schema.ts';
import { fail } from './shared.ts';

/**
 * A session note on an intervention that is running (active or paused): by its provider (also
 * with a scope limited to their interventions) or a member with the whole case.
 */
export async function addSession(
  ctx: RequestContext,
  access: CaseAccess,
  interventionId: string,
  body: z.infer<typeof SessionBody>,
  now = new Date(),
): Promise<{ id: string }> {
  return inCaseTransaction(ctx, access, 'sessions', 'write', async (trx, locked) => {
    const intervention = await lockIntervention(trx, access, interventionId);
    // A member who sees only their own interventions is told nothing about the others.
    if (
      !intervention ||
      (access.scope !== 'full' && intervention.provider_user_id !== ctx.user.id)
    ) {
      throw new AppError('not_found');
    }
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (intervention.status !== 'active' && intervention.status !== 'paused') {
      problems.push({ field: 'intervention.status', code: 'intervention_not_running' });
    }
    // Held before the case was opened here: only with a reason, never before the concern.
    const backdate = caseBackdate(locked, { 'body.heldOn': body.heldOn }, body, problems);
    if (body.heldOn > danishToday(now)) problems.push({ field: 'body.heldOn', code: 'in_future' });
    fail(problems);
    const row = await insertSession(trx, {
      intervention_id: intervention.id,
      held_on: body.heldOn,
      note: body.note,
      author_user_id: ctx.user.id,
      ...backdate.stored,
    });
    // The note itself stays with the intervention: not in the chronology's changes, not audited.
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_session',
      action: 'create',
      resourceType: 'case_intervention',
      resourceId: intervention.id,
      interventionId: intervention.id,
      backdate: backdate.event,
      changes: {
        heldOn: { from: null, to: body.heldOn },
      },
      details: { interventionId: intervention.id, sessionId: row.id },
    });
    return { id: row.id };
  });
}
