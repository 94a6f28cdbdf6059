import { caseAbilities } from '../../../../server/access/case-abilities.ts';
import type { CaseDetail } from './casesApi';

/**
 * For the web tests only: a case as `GET /api/cases/:id` returns it, with `abilities` computed by
 * the server's own rules (`caseAbilities`) from the access and status given, so a test states the
 * caller's place in the case and the tab shows what the server would allow.
 */
export const TEST_CASE_ID = '11111111-1111-4111-8111-111111111111';

export interface TestCaseOptions extends Partial<Omit<CaseDetail, 'access' | 'abilities'>> {
  /** The caller's place in the case; a coordinator with the whole case and the compartment unless given. */
  access?: Partial<CaseDetail['access']>;
}

export function testCaseDetail({ access, ...overrides }: TestCaseOptions = {}): CaseDetail {
  const place: CaseDetail['access'] = {
    role: 'coordinator',
    scope: 'full',
    compartment: true,
    breakGlass: false,
    breakGlassUntil: null,
    purposeLimit: null,
    ...access,
  };
  const base: Omit<CaseDetail, 'access' | 'abilities'> = {
    id: TEST_CASE_ID,
    reference: 'S-2026-000001',
    status: 'active',
    openedAt: '2026-01-01T10:00:00.000Z',
    version: 1,
    workSummary: null,
    onHoldReason: null,
    onHoldUntil: null,
    concernLevel: null,
    closedAt: null,
    persons: [],
    members: [],
    ...overrides,
  };
  const abilities = caseAbilities(
    {
      caseId: base.id,
      municipalityCode: '0101',
      role: place.role,
      scope: place.scope,
      compartment: place.compartment,
      breakGlass: place.breakGlass,
      breakGlassUntil: place.breakGlassUntil ? new Date(place.breakGlassUntil) : null,
      unitId: null,
      purposeLimit: place.purposeLimit,
    },
    base.status,
  );
  return { ...base, access: place, abilities };
}
