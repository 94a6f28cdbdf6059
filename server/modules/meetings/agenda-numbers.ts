import { EXTREMISM_FORMS } from '../../../shared/values.ts';
import {
  mayReadNumbers,
  requireMeeting,
  requireMeetingRight,
} from '../../access/meeting-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { suppressCount, suppressGroup } from '../../platform/small-cells.ts';
import { danishToday } from '../cases/chronology.ts';
import { addMonths } from '../closure/dates.ts';
import type { Numbers } from './agenda-schema.ts';
import { builderFacts } from './queries-agenda-proposals.ts';
import { rawNumbers } from './queries-agenda-numbers.ts';

/**
 * The numbers item (issue 14 part 7): counts for the meeting's municipality over a period — new
 * inquiries, new cases by form of extremism, open cases by status and concern level, closed
 * cases, re-reviews due, plans awaiting approval. Aggregates only, every cell through the
 * product's small-cell suppression (server/platform/small-cells.ts), so no count of 1–4 ever
 * leaves the server. For anyone who takes part in the whole meeting or manages it; a guest (one
 * item only) gets 403. No personal data, so no audit entry.
 *
 * The period is one whole calendar quarter [from, until): `from` the first day of a quarter,
 * `until` the first day of the next. Periods that could overlap (any from/until, or months and
 * quarters both) would let two answers be subtracted into the exact count of a few days, the
 * small cells included; quarters never overlap. Either end may be left out (the other decides
 * the quarter); without both, the last whole quarter before the meeting's day.
 */
export async function meetingNumbers(
  ctx: RequestContext,
  meetingId: string,
  period: { from?: string; until?: string },
): Promise<Numbers> {
  const access = await requireMeeting(ctx.db, ctx.user, meetingId);
  requireMeetingRight(mayReadNumbers(access));
  const facts = await builderFacts(ctx.db, access.municipalityCode, meetingId);
  if (!facts) throw new AppError('not_found');
  const { from, until } = quarterOf(period, danishToday(facts.starts_at));
  const raw = await rawNumbers(ctx.db, access.municipalityCode, from, until);
  const forms = Object.fromEntries(
    [...EXTREMISM_FORMS, 'unknown'].map((f) => [
      f,
      raw.new_cases_by_form.find((r) => (r.form ?? 'unknown') === f)?.n ?? 0,
    ]),
  ) as Record<(typeof EXTREMISM_FORMS)[number] | 'unknown', number>;
  const byForm = suppressGroup(forms);
  const levels = (status: string) => {
    const counts = { low: 0, moderate: 0, high: 0, unknown: 0 };
    for (const r of raw.open_cases.filter((o) => o.status === status)) {
      const key = (r.level ?? 'unknown') as keyof typeof counts;
      counts[key] += r.n;
    }
    const group = suppressGroup(counts);
    return { ...group.cells, total: group.total };
  };
  return {
    from,
    until,
    newInquiries: suppressCount(raw.new_inquiries),
    newCasesByForm: { ...byForm.cells, total: byForm.total },
    openCases: { active: levels('active'), on_hold: levels('on_hold') },
    closedCases: suppressCount(raw.closed_cases),
    reReviewsDue: suppressCount(raw.re_reviews_due),
    plansAwaitingApproval: suppressCount(raw.plans_awaiting_approval),
  };
}

/** The first day of the calendar quarter that holds `day` (YYYY-MM-DD). */
function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** The asked-for quarter, or 400 with a Danish message on the field that is not a quarter's end. */
function quarterOf(
  period: { from?: string; until?: string },
  meetingDay: string,
): { from: string; until: string } {
  const from = period.from ?? (period.until ? addMonths(period.until, -3) : undefined);
  const until = period.until ?? (from ? addMonths(from, 3) : quarterStart(meetingDay));
  const start = from ?? addMonths(until, -3);
  if (start >= until) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.from', code: 'from_after_until' }],
    });
  }
  if (quarterStart(start) !== start) {
    const field = period.from ? 'query.from' : 'query.until';
    throw new AppError('validation_failed', { fields: [{ field, code: 'period_not_quarter' }] });
  }
  if (addMonths(start, 3) !== until) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.until', code: 'period_not_quarter' }],
    });
  }
  return { from: start, until };
}
