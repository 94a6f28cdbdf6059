/**
 * Small-cell suppression: the one rule the product uses wherever it shows counts about people to
 * someone who may not see the records behind them (the steering group's numbers, the Infohus
 * network's figures, statistics).
 *
 * A count of 1–4 is shown as "under 5" (`'under_5'`), because so few cases in a municipality can
 * point at a person. A zero is shown: it names nobody. Within a group of counts that add up to a
 * shown total (the levels of the open cases, say), the withheld cells could be worked out by
 * subtraction, so more cells are withheld (secondary suppression, shown as `'hidden'`: it is not
 * under 5, only withheld) until the withheld cells together are at least 5 and none of them can be
 * pinned to one value; when even that is not enough, the total is withheld too. So neither a
 * withheld cell nor a small sum of withheld cells can be worked out from the shown cells and
 * total. Totals of 1–4 are suppressed like any count.
 *
 * Counts over a period can also be undone by asking for two overlapping periods and subtracting;
 * callers therefore offer periods that never overlap (the meeting numbers: whole calendar
 * quarters, server/modules/meetings/agenda-numbers.ts).
 */
export const SMALL_CELL_LIMIT = 5;

/** A count as shown: the number, `'under_5'` for 1–4, or `'hidden'` when withheld to protect another. */
export type CellCount = number | 'under_5' | 'hidden';

/** One count, suppressed when it is 1–4. */
export function suppressCount(n: number): CellCount {
  return n > 0 && n < SMALL_CELL_LIMIT ? 'under_5' : n;
}

/** What a viewer knows of a withheld cell: 1–4 for `'under_5'`, 5 or more for `'hidden'`. */
const BOUNDS = {
  under_5: [1, SMALL_CELL_LIMIT - 1],
  hidden: [SMALL_CELL_LIMIT, Infinity],
} as const;

/**
 * The withheld cells of a group are safe beside a shown total when their sum (which anyone can
 * work out: the total less the shown cells) is at least 5, and no withheld cell can be pinned to
 * one value from that sum and what the viewer knows of the others (1–4 for `under_5`, 5 or more
 * for `hidden`). `{1, 1, 50}` hiding only the ones: their sum 2 is small. `{4, 4, 30}`: the sum 8
 * means both are 4. `{1, 5}` hiding both: 6 can only be 1 + 5.
 */
function safe(withheld: { n: number; shown: 'under_5' | 'hidden' }[]): boolean {
  if (withheld.length === 0) return true;
  const sum = withheld.reduce((s, c) => s + c.n, 0);
  if (sum < SMALL_CELL_LIMIT) return false;
  return withheld.every((c, i) => {
    const others = withheld.filter((_, j) => j !== i);
    const othersLow = others.reduce((s, o) => s + BOUNDS[o.shown][0], 0);
    const othersHigh = others.reduce((s, o) => s + BOUNDS[o.shown][1], 0);
    const [low, high] = BOUNDS[c.shown];
    const least = Math.max(low, sum - othersHigh);
    const most = Math.min(high, sum - othersLow);
    return least < most;
  });
}

/**
 * A group of counts whose total is shown too: each cell suppressed as above (`'under_5'`), then
 * secondary suppression: while the withheld cells are not safe beside the total (see `safe`:
 * their sum is under 5, or one of them could be pinned down from it), the smallest shown cell
 * above zero is withheld too (`'hidden'`). When no cell is left to withhold and it is still not
 * safe, the total is withheld (`'hidden'`). A total of 1–4 is `'under_5'` (then every cell above
 * zero is small). Zeros are always shown. Keys keep their order.
 */
export function suppressGroup<K extends string>(
  counts: Record<K, number>,
): { cells: Record<K, CellCount>; total: CellCount } {
  const entries = Object.entries(counts) as [K, number][];
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const shown = new Map<K, CellCount>(
    entries.map(([k, n]) => [k, n > 0 && n < SMALL_CELL_LIMIT ? 'under_5' : n]),
  );
  let shownTotal: CellCount = suppressCount(total);
  if (typeof shownTotal === 'number') {
    const withheld = () =>
      entries.flatMap(([k, n]) => {
        const cell = shown.get(k);
        return cell === 'under_5' || cell === 'hidden' ? [{ n, shown: cell }] : [];
      });
    while (!safe(withheld())) {
      const next = entries
        .filter(([k, n]) => typeof shown.get(k) === 'number' && n > 0)
        .sort((x, y) => x[1] - y[1])[0];
      if (!next) {
        shownTotal = 'hidden';
        break;
      }
      shown.set(next[0], 'hidden');
    }
  }
  const cells = Object.fromEntries(entries.map(([k]) => [k, shown.get(k)])) as Record<K, CellCount>;
  return { cells, total: shownTotal };
}
