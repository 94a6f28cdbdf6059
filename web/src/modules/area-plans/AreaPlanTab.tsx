/** Placeholder of the foundation commit: the plan slice of issue 16 replaces this page. */
export function AreaPlanTab() {
  return <p>AreaPlanTab</p>;
}
