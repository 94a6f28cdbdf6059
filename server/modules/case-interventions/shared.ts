import { AppError, type FieldProblem } from '../../platform/errors.ts';

/**
 * What the write services of the interventions tab share (interventions.ts, sessions.ts,
 * consents.ts, offers.ts). Every change runs with the case row locked, appends its chronology
 * event and audit entries in the same transaction (recordCaseChange), and stores nothing when a
 * rule fails.
 */

/** User roles that may provide an intervention as a user of the system. */
export const PROVIDER_ROLES = ['mentor', 'caseworker', 'coordinator', 'forum_member'] as const;

export interface Created {
  id: string;
  version: number;
  /** False when a create with the same client id had already made the record. */
  created: boolean;
}

/** Throws `validation_failed` with the problems found, if any. */
export function fail(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}
