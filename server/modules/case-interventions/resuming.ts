import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { recordCaseChanges } from '../cases/case-work.ts';
import type { Changes } from '../cases/chronology.ts';
import type { ResumeChoiceSchema } from '../cases/schema.ts';
import { lockWaitingInterventions, startWaitingRows } from './queries-resuming.ts';
import { fail } from './shared.ts';

/**
 * What resuming a case on hold asks of its interventions that wait (planned or paused): the
 * coordinator chose for each to resume it (a planned one starts, today unless it has a start
 * date) or to leave it as it is. Runs in the transaction that resumes the case (cases/status.ts),
 * after the case row is locked; each resumed intervention gets its own chronology event. A
 * choice that names no waiting intervention of this case (another case's, a finished one, an
 * unknown id) is refused the same way, and a type that needs consent starts only on a valid one.
 */
export async function applyResumeChoices(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  choices: z.infer<typeof ResumeChoiceSchema>[],
  today: string,
): Promise<void> {
  if (choices.length === 0) return;
  const waiting = new Map(
    (await lockWaitingInterventions(trx, access, today)).map((row) => [row.id, row]),
  );
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const resume: { id: string; consentId: string | null; from: string; startsOn: string | null }[] =
    [];
  choices.forEach((choice, i) => {
    const row = waiting.get(choice.id);
    if (seen.has(choice.id)) {
      problems.push({ field: `body.interventions.${i}.id`, code: 'duplicate' });
    } else if (!row) {
      problems.push({ field: `body.interventions.${i}.id`, code: 'intervention_not_waiting' });
    } else if (choice.action === 'resume') {
      if (row.consent_required && row.valid_consent_id === null) {
        problems.push({ field: `body.interventions.${i}.action`, code: 'consent_required' });
      }
      resume.push({
        id: row.id,
        consentId: row.consent_required ? row.valid_consent_id : null,
        from: row.status,
        startsOn: row.starts_on,
      });
    }
    seen.add(choice.id);
  });
  fail(problems);

  const updated = await startWaitingRows(trx, access, resume, today, new Date());
  const started = new Map(updated.map((row) => [row.id, row]));
  await recordCaseChanges(
    trx,
    ctx,
    access,
    resume.map((r) => {
      const changes: Changes = { status: { from: r.from, to: 'active' } };
      const startsOn = started.get(r.id)?.starts_on ?? null;
      if (r.startsOn !== startsOn) changes.startsOn = { from: r.startsOn, to: startsOn };
      return {
        kind: 'intervention_changed',
        changes,
        resourceType: 'case_intervention',
        resourceId: r.id,
        interventionId: r.id,
        details: {
          interventionId: r.id,
          from: r.from,
          to: 'active',
          fields: Object.keys(changes).join(','),
          consentId: r.consentId,
          caseResumed: true,
        },
      };
    }),
  );
}
