import { describe, expect, it } from 'vitest';
import { addDays, addMonths, followUpDates } from './schedule.ts';

const plan = (p: Partial<Parameters<typeof followUpDates>[0]> = {}) => ({
  startsOn: null,
  endsOn: null,
  nextFollowUpOn: null,
  intervalDays: null,
  ...p,
});

describe('follow-up dates from a plan (more often at the start)', () => {
  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST change, no shift
    expect(addMonths('2026-03-01', 12)).toBe('2027-03-01');
  });

  it('starts at the next follow-up date; two at half the interval, then the full interval', () => {
    const dates = followUpDates(
      plan({ nextFollowUpOn: '2026-03-02', endsOn: '2026-06-30', intervalDays: 30 }),
      '2026-03-01',
    );
    expect(dates).toEqual([
      '2026-03-02',
      '2026-03-17',
      '2026-04-01',
      '2026-05-01',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('without a next date uses the start, and without a start today + the interval (default 30)', () => {
    expect(
      followUpDates(plan({ startsOn: '2026-04-01', endsOn: '2026-04-20' }), '2026-03-01'),
    ).toEqual(['2026-04-01', '2026-04-16']);
    expect(followUpDates(plan({ endsOn: '2026-04-15' }), '2026-03-01')).toEqual([
      '2026-03-31',
      '2026-04-15',
    ]);
  });

  it('keeps the early gap at least 7 days', () => {
    const dates = followUpDates(
      plan({ startsOn: '2026-03-01', endsOn: '2026-04-01', intervalDays: 10 }),
      '2026-03-01',
    );
    expect(dates).toEqual(['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-25']);
  });

  it('runs 12 months after the first without an end, at most 24', () => {
    const year = followUpDates(plan({ startsOn: '2026-01-01', intervalDays: 30 }), '2026-01-01');
    expect(year[0]).toBe('2026-01-01');
    expect(year.at(-1)! <= '2027-01-01').toBe(true);
    expect(year).toHaveLength(14); // 0, 15, 30, then every 30 days up to day 360
    const weekly = followUpDates(plan({ startsOn: '2026-01-01', intervalDays: 7 }), '2026-01-01');
    expect(weekly).toHaveLength(24);
  });

  it('never schedules before today, nor after the end', () => {
    expect(
      followUpDates(plan({ startsOn: '2025-01-01', endsOn: '2026-03-20' }), '2026-03-01'),
    ).toEqual(['2026-03-01', '2026-03-16']);
    expect(
      followUpDates(plan({ startsOn: '2025-01-01', endsOn: '2025-12-31' }), '2026-03-01'),
    ).toEqual([]);
  });
});
