import type { CaseDetail } from '../cases/casesApi';

/** Interventions, consent and offers in the case (/sager/:id/indsatser); filled in by issue 5. */
export function CaseInterventionsPage({ detail }: { detail: CaseDetail }) {
  void detail;
  return null;
}
