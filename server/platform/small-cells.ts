/**
 * Small-cell suppression: the one rule the product uses wherever it shows counts about people to
 * someone who may not see the records behind them (the steering group's numbers, the Infohus
 * network's figures, statistics).
 *
 * A count of 1–4 is shown as "under 5" (`'under_5'`), because so few cases in a municipality can
 * point at a person. A zero is shown: it names nobody. Within a group of counts that add up to a
 * shown total (the levels of the open cases, say), one hidden cell could be worked out by
 * subtraction, so when exactly one cell of a group is hidden the smallest other non-zero cell is
 * hidden too (complementary suppression), shown as `'hidden'` (it is not under 5, only withheld).
 * Totals of a group are suppressed by the same rule.
 */
export const SMALL_CELL_LIMIT = 5;

/** A count as shown: the number, `'under_5'` for 1–4, or `'hidden'` when withheld to protect another. */
export type CellCount = number | 'under_5' | 'hidden';

/** One count, suppressed when it is 1–4. */
export function suppressCount(n: number): CellCount {
  return n > 0 && n < SMALL_CELL_LIMIT ? 'under_5' : n;
}

/**
 * A group of counts whose total is shown too: each cell suppressed as above, and when exactly one
 * cell is hidden, the smallest other cell above zero is withheld with it (`'hidden'`), so the
 * small one cannot be worked out from the total. Keys keep their order.
 */
export function suppressGroup<K extends string>(
  counts: Record<K, number>,
): { cells: Record<K, CellCount>; total: CellCount } {
  const entries = Object.entries(counts) as [K, number][];
  const small = new Set(entries.filter(([, n]) => n > 0 && n < SMALL_CELL_LIMIT).map(([k]) => k));
  let withheld: K | undefined;
  if (small.size === 1) {
    withheld = entries
      .filter(([k, n]) => !small.has(k) && n > 0)
      .sort((x, y) => x[1] - y[1])[0]?.[0];
  }
  const cells = Object.fromEntries(
    entries.map(([k, n]) => [k, small.has(k) ? 'under_5' : k === withheld ? 'hidden' : n]),
  ) as Record<K, CellCount>;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return { cells, total: suppressCount(total) };
}
