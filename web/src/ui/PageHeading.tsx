import type { ReactNode } from 'react';

/**
 * The page's single h1. It can take focus (tabIndex -1) so that, after a client-side
 * navigation, the layout can move focus to the new page's heading.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}
