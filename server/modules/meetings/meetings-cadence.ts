import type { Cadence } from '../../../shared/meetings.ts';

/**
 * Danish wall-clock arithmetic for meetings: a recurring meeting keeps its local time (10:00 stays
 * 10:00 across summer time), and a day filter means a Danish day, never a UTC one.
 *
 * The cadence (decided here, documented in docs/meetings/meetings.md): weekly and biweekly add 7
 * or 14 days; monthly, quarterly and half-yearly keep the same weekday of the month ("the second
 * Tuesday"), 1, 3 or 6 months on — a forum meets on "the first Tuesday", not on "the 5th" — and
 * where a month has no fifth such weekday, its last one is taken.
 */
const ZONE = 'Europe/Copenhagen';

interface Wall {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function wallOf(instant: Date): Wall & { second: number } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Milliseconds Copenhagen is ahead of UTC at the instant. */
function offsetAt(instant: Date): number {
  const w = wallOf(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a Danish wall-clock time. */
export function instantOf(wall: Wall): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetAt(new Date(guess));
  return new Date(guess - offsetAt(new Date(first)));
}

/** The first instant of a Danish day (YYYY-MM-DD). */
export function danishDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day: date, hour: 0, minute: 0 });
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same weekday of the month `months` on: the n-th (or the last when there is no n-th). */
function sameWeekdayOfMonth(w: Wall, months: number): Wall {
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const nth = Math.floor((w.day - 1) / 7); // 0 = first
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  let day = 1 + ((weekday - firstWeekday + 7) % 7) + nth * 7;
  while (day > daysIn(year, month)) day -= 7;
  return { ...w, year, month, day };
}

function addDays(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const MONTHS: Partial<Record<Cadence, number>> = { monthly: 1, quarterly: 3, half_yearly: 6 };
const DAYS: Partial<Record<Cadence, number>> = { weekly: 7, biweekly: 14 };

/** The `n`-th meeting after the one starting at `start` (n = 0 is `start`), in Danish time. */
export function nthOccurrence(start: Date, cadence: Cadence, n: number): Date {
  const w = wallOf(start);
  const months = MONTHS[cadence];
  const next =
    months !== undefined ? sameWeekdayOfMonth(w, months * n) : addDays(w, (DAYS[cadence] ?? 7) * n);
  return instantOf(next);
}
