import { Outlet } from 'react-router';

/** Placeholder of the foundation commit: the areas slice of issue 16 fetches the area, shows its tabs and hands it on. */
export function AreaPage() {
  return <Outlet />;
}
