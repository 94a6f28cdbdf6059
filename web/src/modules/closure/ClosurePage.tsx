import type { CaseDetail } from '../cases/casesApi';

/** Closure and re-review (/sager/:id/afslutning); filled in by issue 5. */
export function ClosurePage({ detail }: { detail: CaseDetail }) {
  void detail;
  return null;
}
