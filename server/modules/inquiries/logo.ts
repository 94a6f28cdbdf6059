import type { Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { isDrawableImage } from '../../platform/pdf-layout.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import { findLogoRow, saveLogoRow, type LogoValues } from './queries-logo.ts';
import { ownMunicipality } from './settings.ts';
import { LOGO_MAX_BYTES, type Logo, type LogoChange } from './schema-logo.ts';

/**
 * The municipality's logo in the letterhead of its documents (issue 12 part 6): a PNG or JPEG of
 * at most 200 kB, recognised by its first bytes (not by a file name or a claimed type) and by
 * pdfkit being able to draw it. The municipal administrator sets or removes it with optimistic
 * locking, audited in the same transaction; every document reads it through `municipalityLogo`.
 */

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The type the bytes say they are; null for anything but a PNG or a JPEG. */
export function logoMediaType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  return null;
}

/** The logo's bytes for a document's letterhead; null when the municipality has none. */
export async function municipalityLogo(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<Buffer | null> {
  const row = await findLogoRow(db, municipalityCode);
  return row?.image ? Buffer.from(row.image) : null;
}

async function readLogo(db: Kysely<DB>, municipalityCode: string): Promise<Logo> {
  const row = await findLogoRow(db, municipalityCode);
  if (!row) return { version: 0, logo: null };
  if (!row.image || !row.media_type) return { version: row.version, logo: null };
  const bytes = Buffer.from(row.image);
  const mediaType = row.media_type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  return {
    version: row.version,
    logo: {
      mediaType,
      dataUrl: `data:${mediaType};base64,${bytes.toString('base64')}`,
      bytes: bytes.length,
    },
  };
}

/** The new row's values, or the field problem that refuses them (nothing is stored then). */
function checkedLogo(image: string | null): LogoValues {
  if (image === null) return { image: null, media_type: null };
  const bytes = Buffer.from(image, 'base64');
  const refuse = (code: string, params?: Record<string, number>) =>
    new AppError('validation_failed', { fields: [{ field: 'body.image', code, params }] });
  if (bytes.length > LOGO_MAX_BYTES)
    throw refuse('logo_too_large', { maxKb: LOGO_MAX_BYTES / 1024 });
  const mediaType = logoMediaType(bytes);
  if (!mediaType || !isDrawableImage(bytes)) throw refuse('logo_type');
  return { image: bytes, media_type: mediaType };
}

/** The caller's municipality's logo; 404 for a user of none. */
export async function ownLogo(ctx: RequestContext): Promise<Logo> {
  return readLogo(ctx.db, ownMunicipality(ctx));
}

/** Sets (or, with `image: null`, removes) the logo: optimistic locking, audited. */
export async function changeLogo(ctx: RequestContext, change: LogoChange): Promise<Logo> {
  const code = ownMunicipality(ctx);
  const values = checkedLogo(change.image);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findLogoRow(trx, code);
    requireVersion(current?.version ?? 0, change.version);
    const saved = await saveLogoRow(trx, code, change.version, values);
    if (!saved) throw staleVersion((await findLogoRow(trx, code))?.version ?? 0);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'municipality_logo',
      resourceId: code,
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      details: { logo: values.media_type ?? 'removed', bytes: values.image?.length ?? 0 },
    });
  });
  return readLogo(ctx.db, code);
}
