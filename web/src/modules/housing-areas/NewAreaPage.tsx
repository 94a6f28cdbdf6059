/** Placeholder of the foundation commit: the areas slice of issue 16 replaces this page. */
export function NewAreaPage() {
  return <p>NewAreaPage</p>;
}
