/** Placeholder of the foundation commit: the areas slice of issue 16 replaces this page. */
export function AreasListPage() {
  return <p>AreasListPage</p>;
}
