import type { CaseDetail } from '../cases/casesApi';

/** The case's 360° assessments (/sager/:id/udredning); filled in by issue 5. */
export function AssessmentsPage({ detail }: { detail: CaseDetail }) {
  void detail;
  return null;
}
