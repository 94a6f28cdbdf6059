import type { ReactNode } from 'react';

/**
 * A dkfds compact table that scrolls sideways on a narrow screen: a caption for screen readers,
 * a header row of column headings (a `false` column is left out) and the rows (`children`).
 */
export function CompactTable({
  caption,
  columns,
  className,
  children,
}: {
  caption: ReactNode;
  columns: ReactNode[];
  /** The table's own class next to dkfds's (`case-table`). */
  className?: string;
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
                <th key={index} scope="col">
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
