import type { Kysely } from 'kysely';
import {
  checkBackdate,
  storedBackdate,
  type Backdate,
  type StoredBackdate,
} from '../../platform/backdating.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import type { InquiryKey } from './queries-detail.ts';
import { inquiryReceivedAt } from './queries-decision.ts';

/**
 * The day of a decision (issue 12, "Recording history"): by default the day it is recorded; a
 * decision taken earlier (on paper, at a meeting) may carry its real day when the user says why
 * it is recorded now — with the back-dating pieces every such form shares
 * (server/platform/backdating.ts). Never in the future, never before the inquiry was received.
 * A case the decision opens has its "opened" event dated to that day.
 */

/** What is stored with the decision: the real day only when it lies before the registration. */
export type DecisionDate = StoredBackdate & { decided_on: string | null };

/**
 * Checks the decision's day against the clock and the inquiry's receipt, adding its problems;
 * returns what is stored with the decision.
 */
export async function checkDecisionDate(
  db: Kysely<DB>,
  key: InquiryKey,
  body: Backdate & { decidedOn?: string | null },
  now: Date,
  problems: FieldProblem[],
): Promise<DecisionDate> {
  const today = danishToday(now);
  const day = body.decidedOn ?? null;
  let backdated = false;
  if (day !== null && day > today) {
    problems.push({ field: 'body.decidedOn', code: 'in_future' });
  } else if (day !== null && day < today) {
    if (day < danishToday(await inquiryReceivedAt(db, key))) {
      problems.push({ field: 'body.decidedOn', code: 'before_concern_received' });
    } else {
      backdated = true;
    }
  }
  checkBackdate(backdated, body, problems);
  const stored = storedBackdate(backdated, body);
  return { decided_on: backdated ? day : null, ...stored };
}
