import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { acknowledgementPossible, reportDeadlines } from './child-report-view.ts';
import { getProvisions } from './provisions.ts';
import { openChildReportRows } from './queries-child-report.ts';

/**
 * The steps of reports about children still to be done, for the work list (tasks module): the
 * assessment of immediate help (24 hours by the provisions) and the acknowledgement to the
 * professional (6 weekdays), each due by the clock the inquiry shows. For the municipality's
 * coordinators, who record them; references only, no personal data.
 */
export interface ChildReportStep {
  inquiryId: string;
  reference: string;
  step: 'immediate_help' | 'acknowledgement';
  dueAt: Date;
  overdue: boolean;
}

export async function openChildReportSteps(
  db: Kysely<DB>,
  user: CurrentUser,
  now: Date,
): Promise<ChildReportStep[]> {
  if (!user.roles.includes('coordinator') || !user.municipalityCode) return [];
  const rows = await openChildReportRows(db, user, user.municipalityCode);
  if (rows.length === 0) return [];
  const provisions = await getProvisions(db, user.municipalityCode);
  return rows.flatMap((row) => {
    const { start, helpDeadline, ackDue } = reportDeadlines(row, provisions);
    const step = (kind: ChildReportStep['step'], due: Date | null): ChildReportStep => ({
      inquiryId: row.id,
      reference: row.reference,
      step: kind,
      dueAt: due ?? start,
      overdue: due !== null && now > due,
    });
    const steps: ChildReportStep[] = [];
    if (!row.immediate_help_assessed_at) steps.push(step('immediate_help', helpDeadline));
    if (!row.acknowledged_at && acknowledgementPossible(row)) {
      steps.push(step('acknowledgement', ackDue));
    }
    return steps;
  });
}
