/** Placeholder of the foundation commit: the work slice of issue 16 replaces this page. */
export function IdentificationTab() {
  return <p>IdentificationTab</p>;
}
