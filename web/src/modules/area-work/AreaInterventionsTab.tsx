/** Placeholder of the foundation commit: the work slice of issue 16 replaces this page. */
export function AreaInterventionsTab() {
  return <p>AreaInterventionsTab</p>;
}
