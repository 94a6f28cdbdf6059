import { randomUUID } from 'node:crypto';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for a consent's paper trail (see valid-bodies.ts): signed, then scanned. */

/** A written consent of the case's citizen (a child: the guardian gives it) awaiting signature. */
async function writtenConsent(w: World, r: Records): Promise<Prepared> {
  const id = randomUUID();
  ok(
    await w.members.coordinator.as.post(`/api/cases/${r.caseId}/consents`, {
      id,
      personId: r.citizenId,
      givenBy: 'guardian',
      purpose: 'Rådgivning af familien',
      method: 'written',
      awaitingSignature: true,
      givenOn: w.today,
    }),
    'written consent',
  );
  return { consentId: id, version: 1 };
}

export const CONSENT_BODIES: Record<string, WriteFixture> = {
  'POST /api/cases/{id}/consents/{consentId}/signed': {
    prepare: writtenConsent,
    body: (w, _r, p) => ({ version: p.version, signedOn: w.today }),
  },
  'PUT /api/cases/{id}/consents/{consentId}/scan': {
    prepare: writtenConsent,
    body: (_w, _r, p) => ({
      version: p.version,
      file: Buffer.from('%PDF-1.4\nunderskrevet samtykke').toString('base64'),
    }),
  },
};
