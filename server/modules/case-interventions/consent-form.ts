import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { isDrawableImage } from '../../platform/pdf-layout.ts';
import { inCaseTransaction, recordCaseChange } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { CONSENT_SCAN_MAX_BYTES } from './consent-schema.ts';
import { lockConsent, markSigned, saveScan } from './queries-consents.ts';
import { fail } from './shared.ts';

/**
 * A written consent's paper trail (docs/CONSENT.md): the day its printed form came back signed,
 * and the scanned copy of the signed form — a PDF, PNG or JPEG of at most 600 kB, recognised by
 * its first bytes (not by a name or a claimed type), an image also by pdfkit being able to draw
 * it, as the logo is. Both with optimistic locking, a chronology event and audit entries.
 */

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The type the bytes say they are; null for anything but a PDF, PNG or JPEG. */
export function scanMediaType(
  bytes: Buffer,
): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, PDF.length).equals(PDF)) return 'application/pdf';
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  return null;
}

export async function recordSigned(
  ctx: RequestContext,
  access: CaseAccess,
  consentId: string,
  body: { version: number; signedOn: string },
  now = new Date(),
): Promise<{ id: string; version: number }> {
  return inCaseTransaction(ctx, access, 'consents', 'write', async (trx) => {
    const consent = await lockConsent(trx, access, consentId);
    if (!consent) throw new AppError('not_found');
    requireVersion(consent.version, body.version);
    const field = 'body.signedOn';
    if (consent.method !== 'written') fail([{ field, code: 'consent_not_written' }]);
    if (consent.withdrawn_on !== null) fail([{ field, code: 'consent_already_withdrawn' }]);
    if (consent.signed_on !== null) fail([{ field, code: 'consent_already_signed' }]);
    if (body.signedOn < consent.given_on) fail([{ field, code: 'before_consent_given' }]);
    if (body.signedOn > danishToday(now)) fail([{ field, code: 'in_future' }]);
    const saved = await markSigned(trx, access, consent.id, body.version, body.signedOn);
    if (!saved) throw staleVersion(consent.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'consent_changed',
      resourceType: 'case_consent',
      resourceId: consent.id,
      changes: { signedOn: { from: null, to: body.signedOn } },
      details: { consentId: consent.id, personId: consent.person_id, change: 'signed' },
    });
    return { id: consent.id, version: saved.version };
  });
}

export async function attachScan(
  ctx: RequestContext,
  access: CaseAccess,
  consentId: string,
  body: { version: number; file: string },
  now = new Date(),
): Promise<{ id: string; version: number }> {
  const bytes = Buffer.from(body.file, 'base64');
  const field = 'body.file';
  if (bytes.length > CONSENT_SCAN_MAX_BYTES) {
    fail([
      { field, code: 'consent_scan_too_large', params: { maxKb: CONSENT_SCAN_MAX_BYTES / 1024 } },
    ]);
  }
  const mediaType = scanMediaType(bytes);
  if (!mediaType || (mediaType !== 'application/pdf' && !isDrawableImage(bytes))) {
    fail([{ field, code: 'consent_scan_type' }]);
  }
  return inCaseTransaction(ctx, access, 'consents', 'write', async (trx) => {
    const consent = await lockConsent(trx, access, consentId);
    if (!consent) throw new AppError('not_found');
    requireVersion(consent.version, body.version);
    if (consent.method !== 'written') fail([{ field, code: 'consent_not_written' }]);
    const saved = await saveScan(trx, access, consent.id, body.version, {
      bytes,
      mediaType: mediaType ?? 'application/pdf',
      userId: ctx.user.id,
      at: now,
    });
    if (!saved) throw staleVersion(consent.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'consent_changed',
      resourceType: 'case_consent',
      resourceId: consent.id,
      changes: { scan: { from: null, to: true } },
      details: { consentId: consent.id, change: 'scan', bytes: bytes.length },
    });
    return { id: consent.id, version: saved.version };
  });
}
