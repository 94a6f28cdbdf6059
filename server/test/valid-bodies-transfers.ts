import { randomUUID } from 'node:crypto';
import type { WriteFixture } from './valid-bodies.ts';

/** Valid bodies for the record writes across municipalities (see valid-bodies.ts, 0041). */
export const TRANSFER_BODIES: Record<string, WriteFixture> = {
  'POST /api/inquiries/{id}/forward': {
    body: () => ({ id: randomUUID(), toMunicipalityCode: '147', reason: null, version: 1 }),
  },
  'POST /api/cases/{id}/transfers': {
    body: () => ({
      id: randomUUID(),
      toMunicipalityCode: '147',
      reason: 'Borgeren flytter til Frederiksberg.',
      legalBasis: 'value_leap',
      parts: ['identity', 'work_summary'],
    }),
  },
};
