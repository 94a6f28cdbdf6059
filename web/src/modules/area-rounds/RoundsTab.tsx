/** Placeholder of the foundation commit: the rounds slice of issue 16 replaces this page. */
export function RoundsTab() {
  return <p>RoundsTab</p>;
}
