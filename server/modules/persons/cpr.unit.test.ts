import { describe, expect, it } from 'vitest';
import { formatCpr, maskCpr, parseCpr } from './cpr.ts';

describe('CPR numbers', () => {
  it.each([
    ['0102031234', '1903-02-01'],
    ['010203-4234', '2003-02-01'],
    ['010240-4234', '1940-02-01'],
    ['010257-5234', '2057-02-01'],
    ['010258-5234', '1858-02-01'],
    ['290200-4234', '2000-02-29'],
    ['311299-9234', '1999-12-31'],
  ])('reads %s as born %s (century from the seventh digit)', (cpr, birth) => {
    expect(parseCpr(cpr)?.birthDate).toBe(birth);
  });

  it.each([
    '3102031234',
    '290201-4234',
    '000203-1234',
    '011303-1234',
    '01020312345',
    '01020-31234',
    'abcdefghij',
    '',
  ])('rejects %s', (cpr) => {
    expect(parseCpr(cpr)).toBeUndefined();
  });

  it('masks and formats', () => {
    expect(maskCpr('0102031234')).toBe('010203-XXXX');
    expect(formatCpr('0102031234')).toBe('010203-1234');
  });
});
