import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';

describe('the one date format', () => {
  it.each([
    ['24.12.2026', '2026-12-24'],
    ['1.2.2026', '2026-02-01'],
    ['01-02-2026', '2026-02-01'],
    [' 29.02.2028 ', '2028-02-29'],
    ['2026-12-24', '2026-12-24'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '31.02.2026',
    '29.02.2027',
    '32.01.2026',
    '00.01.2026',
    '12.13.2026',
    '24.12.26',
    '24/12/2026',
    '',
    'i går',
  ])('refuses %s', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('shows an ISO date as dd.mm.åååå, and nothing for no date', () => {
    expect(formatDate('2026-02-01')).toBe('01.02.2026');
    expect(formatDate('2026-02-01T10:00:00Z')).toBe('01.02.2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    // Text that is not (yet) a date is shown as typed.
    expect(formatDate('31.02.2026')).toBe('31.02.2026');
  });
});
