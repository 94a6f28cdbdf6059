/** Placeholder of the foundation commit: the impl slice of issue 16 replaces this page. */
export function ImplementationPage() {
  return <p>ImplementationPage</p>;
}
