/** Placeholder of the foundation commit: the areas slice of issue 16 replaces this page. */
export function AreaMapTab() {
  return <p>AreaMapTab</p>;
}
