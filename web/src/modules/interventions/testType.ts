import type { InterventionType } from './catalogueApi';

/**
 * For the web tests only: the catalogue's mentor offer as `GET /api/intervention-types` returns
 * it, changed by `overrides`.
 */
export function testMentorType(overrides: Partial<InterventionType> = {}): InterventionType {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    municipalityCode: '0101',
    code: 'mentor',
    name: 'Mentor',
    description: null,
    level: 'anticipating',
    ageGroup: 'all',
    legalBasis: null,
    consentRequired: true,
    responsibleUnitId: null,
    responsibleUnitName: null,
    tailored: false,
    revealsConcern: false,
    active: true,
    version: 3,
    ...overrides,
  };
}
