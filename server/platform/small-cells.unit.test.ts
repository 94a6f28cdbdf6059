import { describe, expect, it } from 'vitest';
import { suppressCount, suppressGroup, type CellCount } from './small-cells.ts';

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

  it('leaves a group alone when nothing is small, or the small cells are safe together', () => {
    expect(suppressGroup({ a: 0, b: 9, c: 5 }).cells).toEqual({ a: 0, b: 9, c: 5 });
    // 3 + 3 = 6: each is 2, 3 or 4.
    expect(suppressGroup({ a: 3, b: 3, c: 30 })).toEqual({
      cells: { a: 'under_5', b: 'under_5', c: 30 },
      total: 36,
    });
  });

  it('withholds more when two small cells sum to under 5, so the total does not give the sum away', () => {
    // {1, 1, 50} with total 52 showed 50: the two small ones were 2 together.
    expect(suppressGroup({ a: 1, b: 1, c: 50 })).toEqual({
      cells: { a: 'under_5', b: 'under_5', c: 'hidden' },
      total: 52,
    });
    expect(suppressGroup({ a: 1, b: 2, c: 30, d: 40 })).toEqual({
      cells: { a: 'under_5', b: 'under_5', c: 'hidden', d: 40 },
      total: 73,
    });
  });

  it('withholds more when the sum pins the small cells down (4 + 4 = 8)', () => {
    expect(suppressGroup({ a: 4, b: 4, c: 30, d: 0 })).toEqual({
      cells: { a: 'under_5', b: 'under_5', c: 'hidden', d: 0 },
      total: 38,
    });
  });

  it('withholds the total when nothing else can protect the small cell ({1, 5}: 6 is only 1 + 5)', () => {
    expect(suppressGroup({ a: 1, b: 5 })).toEqual({
      cells: { a: 'under_5', b: 'hidden' },
      total: 'hidden',
    });
  });

  it('never lets a withheld cell or a small sum of withheld cells be worked out (every group of up to 4 cells of 0–12)', () => {
    const values = Array.from({ length: 13 }, (_, i) => i);
    const bound = (c: CellCount, total: number): [number, number] =>
      c === 'under_5' ? [1, 4] : c === 'hidden' ? [5, total] : [c, c];
    for (const a of values)
      for (const b of values)
        for (const c of values)
          for (const d of [0, 1, 4, 7]) {
            const { cells, total } = suppressGroup({ a, b, c, d });
            if (typeof total !== 'number') continue;
            // Every assignment the viewer cannot tell apart from the truth.
            const bounds = Object.values(cells).map((cell) => bound(cell, total));
            const possible: number[][] = [];
            for (let w = bounds[0]![0]; w <= bounds[0]![1]; w += 1)
              for (let x = bounds[1]![0]; x <= bounds[1]![1]; x += 1)
                for (let y = bounds[2]![0]; y <= bounds[2]![1]; y += 1) {
                  const z = total - w - x - y;
                  if (z >= bounds[3]![0] && z <= bounds[3]![1]) possible.push([w, x, y, z]);
                }
            const truth = [a, b, c, d];
            Object.values(cells).forEach((cell, i) => {
              if (typeof cell === 'number') return;
              const seen = new Set(possible.map((p) => p[i]));
              expect(seen.size, `${truth.join(',')} cell ${i}`).toBeGreaterThan(1);
            });
            const withheldSum = truth
              .filter((_, i) => typeof Object.values(cells)[i] !== 'number')
              .reduce((s, n) => s + n, 0);
            if (withheldSum > 0) expect(withheldSum, truth.join(',')).toBeGreaterThanOrEqual(5);
          }
  });

  it('suppresses a small total and hides a lone small cell even without another to pair it with', () => {
    expect(suppressGroup({ a: 3, b: 0 })).toEqual({
      cells: { a: 'under_5', b: 0 },
      total: 'under_5',
    });
  });
});
