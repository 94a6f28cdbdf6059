import type { Abilities } from '../app/session';

/**
 * A session that may do nothing, for tests that render by abilities: each test spreads it and
 * turns on what it is about. One list, so a new ability is added here once (the type checks it).
 */
export const NO_ABILITIES: Abilities = {
  inquiries: { create: false, read: false },
  persons: { merge: false },
  forums: { read: false, manage: false },
  meetings: { read: false, create: false },
  settings: { read: false, edit: false },
  catalogue: { read: false, manage: false },
  records: { read: false, breakGlass: false, accessReport: false },
  admin: { users: false, audit: false, processingRecord: false },
  partners: { read: false, manage: false },
  disclosures: { register: false },
  dataProtection: { dpia: false },
  accessRequests: { handle: false },
  partner: { cases: false },
  transfers: { incoming: false },
  policeFeedback: { send: false },
  housingAreas: { read: false, create: false },
  implementation: { read: false, edit: false },
};
