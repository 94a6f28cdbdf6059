import { describe, expect, it } from 'vitest';
import { danishDayStart, instantOf, nextDay, nthOccurrence } from './meetings-cadence.ts';

/** The cadence of recurring meetings and the Danish wall clock (meetings-cadence.ts). */
const copenhagen = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);

describe('meetings cadence', () => {
  it('reads a Danish wall-clock time in summer and in winter', () => {
    expect(instantOf({ year: 2026, month: 7, day: 1, hour: 10, minute: 0 }).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(instantOf({ year: 2026, month: 12, day: 8, hour: 10, minute: 0 }).toISOString()).toBe(
      '2026-12-08T09:00:00.000Z',
    );
    expect(danishDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('keeps the first Tuesday of the month at 13:00 across summer time', () => {
    const first = instantOf({ year: 2027, month: 1, day: 5, hour: 13, minute: 0 }); // 1st Tuesday
    const series = Array.from({ length: 6 }, (_, n) =>
      copenhagen(nthOccurrence(first, 'monthly', n)),
    );
    expect(series).toEqual([
      '2027-01-05 13:00',
      '2027-02-02 13:00',
      '2027-03-02 13:00',
      '2027-04-06 13:00',
      '2027-05-04 13:00',
      '2027-06-01 13:00',
    ]);
  });

  it('takes the last such weekday when a month has no fifth one, without drifting', () => {
    const fifth = instantOf({ year: 2026, month: 12, day: 29, hour: 9, minute: 30 }); // 5th Tuesday
    expect(copenhagen(nthOccurrence(fifth, 'monthly', 1))).toBe('2027-01-26 09:30');
    expect(copenhagen(nthOccurrence(fifth, 'quarterly', 1))).toBe('2027-03-30 09:30');
  });

  it('adds 7 or 14 days for weekly and biweekly, keeping the local time over the change to summer time', () => {
    const start = instantOf({ year: 2027, month: 3, day: 22, hour: 10, minute: 0 });
    expect(copenhagen(nthOccurrence(start, 'weekly', 1))).toBe('2027-03-29 10:00');
    expect(copenhagen(nthOccurrence(start, 'biweekly', 2))).toBe('2027-04-19 10:00');
  });
});
