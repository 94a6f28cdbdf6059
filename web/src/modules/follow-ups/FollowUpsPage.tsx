import type { CaseDetail } from '../cases/casesApi';

/** Follow-ups and life-competence ratings (/sager/:id/opfoelgning); filled in by issue 5. */
export function FollowUpsPage({ detail }: { detail: CaseDetail }) {
  void detail;
  return null;
}
