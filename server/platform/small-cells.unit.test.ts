import { describe, expect, it } from 'vitest';
import { suppressCount, suppressGroup } from './small-cells.ts';

describe('small-cell suppression', () => {
  it('shows 0 and 5 and above, and 1–4 as under 5', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressCount)).toEqual([
      0,
      'under_5',
      'under_5',
      'under_5',
      'under_5',
      5,
      6,
      120,
    ]);
  });

  it('hides a second cell when only one of a group is small, so the total does not give it away', () => {
    const { cells, total } = suppressGroup({ low: 3, moderate: 12, high: 7 });
    expect(cells).toEqual({ low: 'under_5', moderate: 12, high: 'hidden' });
    expect(total).toBe(22);
  });

  it('leaves a group alone when nothing or at least two cells are small', () => {
    expect(suppressGroup({ a: 0, b: 9, c: 5 }).cells).toEqual({ a: 0, b: 9, c: 5 });
    expect(suppressGroup({ a: 1, b: 2, c: 30 }).cells).toEqual({
      a: 'under_5',
      b: 'under_5',
      c: 30,
    });
  });

  it('suppresses a small total and hides a lone small cell even without another to pair it with', () => {
    expect(suppressGroup({ a: 3, b: 0 })).toEqual({
      cells: { a: 'under_5', b: 0 },
      total: 'under_5',
    });
  });
});
