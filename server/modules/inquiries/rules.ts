import type { FieldProblem } from '../../platform/errors.ts';
import { isSerious, type ConcernSign } from './signs.ts';

/** The checks the intake, an edit and a decision share. */

/** A little leeway for a PC clock that is ahead: "received" may not be in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Later than the server's clock, beyond a few minutes' leeway. */
export function isInFuture(value: string, now: Date): boolean {
  return new Date(value).getTime() > now.getTime() + CLOCK_SKEW_MS;
}

export function checkReceivedAt(value: string, now: Date, problems: FieldProblem[]) {
  if (isInFuture(value, now)) problems.push({ field: 'body.receivedAt', code: 'in_future' });
}

/**
 * An inquiry received more than a day before it is registered here is back-dated (issue 12): it
 * needs a reason (registered late, moved from paper, other), and its triage clock counts from the
 * registration, as nobody could act on it before (docs/INQUIRIES.md, "Back-dated inquiries").
 */
export const BACKDATE_AFTER_HOURS = 24;

export function isBackdatedReceipt(receivedAt: Date, registeredAt: Date): boolean {
  return registeredAt.getTime() - receivedAt.getTime() > BACKDATE_AFTER_HOURS * 3_600_000;
}

/** When the deadline is counted from: the receipt, or the registration of a back-dated one. */
export function clockStart(
  receivedAt: Date,
  registeredAt: Date,
  backdateReason: string | null,
): Date {
  return backdateReason !== null && isBackdatedReceipt(receivedAt, registeredAt)
    ? registeredAt
    : receivedAt;
}

export function checkSigns(signs: { code: string }[], problems: FieldProblem[]) {
  const seen = new Set<string>();
  signs.forEach((s, i) => {
    if (seen.has(s.code)) problems.push({ field: `body.signs.${i}.code`, code: 'duplicate' });
    seen.add(s.code);
  });
}

/** A serious sign or immediate danger makes the inquiry urgent (and shows how to reach the police). */
export function isUrgent(signs: { code: string }[], immediateDanger: boolean): boolean {
  return immediateDanger || signs.some((s) => isSerious(s.code as ConcernSign));
}
