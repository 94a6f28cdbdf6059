import type { ReactNode } from 'react';

/**
 * The one sideways-scrolling wrapper of a wide table (dkfds `table--responsive-scroll`): a named
 * region that takes keyboard focus, so a keyboard user can scroll it with the arrow keys and a
 * screen reader names it (axe: scrollable-region-focusable). `label` is the table's caption.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A dkfds compact table that scrolls sideways on a narrow screen: a caption for screen readers,
 * a header row of column headings (a `false` column is left out) and the rows (`children`).
 * A sorted list names its sorted column (index among the columns shown) and direction: that
 * heading gets `aria-sort`.
 */
export function CompactTable({
  caption,
  columns,
  className,
  sorted,
  children,
}: {
  /** Also the name of the scrolling region (ScrollTable). */
  caption: string;
  columns: ReactNode[];
  /** The table's own class next to dkfds's (`case-table`). */
  className?: string;
  sorted?: { column: number; direction: 'ascending' | 'descending' };
  children: ReactNode;
}) {
  return (
    <ScrollTable label={caption}>
      <table className={className ? `table table--compact ${className}` : 'table table--compact'}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns
              .filter((column) => column !== false && column !== null && column !== undefined)
              .map((column, index) => (
                <th
                  key={index}
                  scope="col"
                  aria-sort={sorted?.column === index ? sorted.direction : undefined}
                >
                  {column}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollTable>
  );
}
