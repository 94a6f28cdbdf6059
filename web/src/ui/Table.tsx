import type { ReactNode } from 'react';

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
  caption: ReactNode;
  columns: ReactNode[];
  /** The table's own class next to dkfds's (`case-table`). */
  className?: string;
  sorted?: { column: number; direction: 'ascending' | 'descending' };
  children: ReactNode;
}) {
  return (
    <div className="table--responsive-scroll">
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
    </div>
  );
}
