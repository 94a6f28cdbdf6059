import { describe, expect, it } from 'vitest';
import { deadlineAfter, fromLocalTime, localTime } from './deadline.ts';

const at = (iso: string) => new Date(iso);

describe('decision deadlines in Europe/Copenhagen', () => {
  it('adds whole local days on ordinary days, across midnight and month ends', () => {
    expect(deadlineAfter(at('2026-11-21T22:30:00Z'), 24).toISOString()).toBe(
      '2026-11-22T22:30:00.000Z',
    );
    expect(deadlineAfter(at('2026-01-31T10:00:00Z'), 48).toISOString()).toBe(
      '2026-02-02T10:00:00.000Z',
    );
    expect(deadlineAfter(at('2026-12-31T12:00:00Z'), 72).toISOString()).toBe(
      '2027-01-03T12:00:00.000Z',
    );
  });

  it('keeps the office clock time across the spring change (23 real hours)', () => {
    // Saturday 28 March 2026 10:00 CET → Sunday 29 March 10:00 CEST.
    const from = at('2026-03-28T09:00:00Z');
    const due = deadlineAfter(from, 24);
    expect(due.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect((due.getTime() - from.getTime()) / 3_600_000).toBe(23);
    expect(localTime(due)).toMatchObject({ day: 29, hour: 10, minute: 0 });
  });

  it('keeps the office clock time across the autumn change (25 real hours)', () => {
    // Saturday 24 October 2026 16:15 CEST → Sunday 25 October 16:15 CET.
    const from = at('2026-10-24T14:15:00Z');
    const due = deadlineAfter(from, 24);
    expect(due.toISOString()).toBe('2026-10-25T15:15:00.000Z');
    expect((due.getTime() - from.getTime()) / 3_600_000).toBe(25);
  });

  it('moves a clock time inside the spring-forward gap to just after it', () => {
    // 02:30 on 29 March 2026 does not exist in Copenhagen: 03:30 CEST (01:30Z).
    expect(
      fromLocalTime({
        year: 2026,
        month: 3,
        day: 29,
        hour: 2,
        minute: 30,
        second: 0,
        millisecond: 0,
      }).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    // Received Saturday 02:30 CET (01:30Z), due Sunday "02:30" → 03:30 CEST.
    expect(deadlineAfter(at('2026-03-28T01:30:00Z'), 24).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('takes the first of a clock time that happens twice (autumn)', () => {
    // 02:30 on 25 October 2026 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(
      fromLocalTime({
        year: 2026,
        month: 10,
        day: 25,
        hour: 2,
        minute: 30,
        second: 0,
        millisecond: 0,
      }).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  it('counts real hours for a deadline that is not whole days', () => {
    expect(deadlineAfter(at('2026-03-28T09:00:00Z'), 36).toISOString()).toBe(
      '2026-03-29T21:00:00.000Z',
    );
  });
});
