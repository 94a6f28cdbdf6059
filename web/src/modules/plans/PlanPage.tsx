import type { CaseDetail } from '../cases/casesApi';

/** The case's action plan (/sager/:id/handleplan); filled in by issue 5. */
export function PlanPage({ detail }: { detail: CaseDetail }) {
  void detail;
  return null;
}
