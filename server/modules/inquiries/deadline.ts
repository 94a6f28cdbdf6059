import type { Seriousness } from '../../../shared/values.ts';

/**
 * Decision deadlines for concern inquiries, in the municipality's local time (Europe/Copenhagen).
 *
 * "Within 24 hours" is read as a caseworker reads it: by the same clock time the next day (48 →
 * two days, 72 → three). Across a daylight-saving change that is 23 or 25 real hours, never a
 * deadline an hour off on the office clock. A clock time that does not exist on the target day
 * (the spring-forward gap, 02:00–03:00) moves to the first valid minute after it; a clock time
 * that exists twice (autumn) takes the first.
 */
export const TIME_ZONE = 'Europe/Copenhagen';

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Copenhagen at an instant. */
export function localTime(instant: Date): LocalTime {
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Offset of Copenhagen from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const t = localTime(instant);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant of a Copenhagen wall-clock time (earliest if ambiguous, shifted past a gap). */
export function fromLocalTime(t: LocalTime): Date {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  // Try both offsets the zone uses around the time; keep those that really show this clock time.
  const candidates = [
    ...new Set([
      offsetMinutes(new Date(naive - 3 * 3_600_000)),
      offsetMinutes(new Date(naive + 3 * 3_600_000)),
    ]),
  ]
    .map((offset) => new Date(naive - offset * 60_000))
    .filter((d) => {
      const back = localTime(d);
      return back.hour === t.hour && back.minute === t.minute && back.day === t.day;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates[0]) return candidates[0];
  // In the spring-forward gap: the clock jumps from 02:00 to 03:00, so the same number of
  // minutes past the jump is the first valid time after the gap.
  const before = offsetMinutes(new Date(naive - 3 * 3_600_000));
  return new Date(naive - before * 60_000);
}

/** The deadline `hours` after `from` (a multiple of 24: whole local days; otherwise real hours). */
export function deadlineAfter(from: Date, hours: number): Date {
  if (hours % 24 !== 0) return new Date(from.getTime() + hours * 3_600_000);
  const t = localTime(from);
  // Date.UTC normalises day overflow (31 + 1 → next month).
  const target = new Date(Date.UTC(t.year, t.month - 1, t.day + hours / 24));
  return fromLocalTime({
    ...t,
    year: target.getUTCFullYear(),
    month: target.getUTCMonth() + 1,
    day: target.getUTCDate(),
  });
}

/** The municipality's hours per seriousness (default: the Copenhagen plan's 24/48/72). */
export const DEFAULT_DEADLINE_HOURS: Record<Seriousness, number> = {
  high: 24,
  medium: 48,
  low: 72,
};
