import { z } from 'zod';
import { Int4 } from '../../platform/primitives.ts';

/**
 * The municipality's logo for its documents' letterhead (logo.ts): what the settings page shows
 * and what it sends. The picture travels as base64 inside JSON, like every other request body;
 * the server decides the type from the bytes, never from a name or a claimed type.
 */
export const LOGO_MAX_BYTES = 200 * 1024;

export const LogoMediaTypeSchema = z.enum(['image/png', 'image/jpeg']);

export const LogoSchema = z.object({
  /** 0 while the municipality has never had a logo. */
  version: z.number().int(),
  logo: z
    .object({
      mediaType: LogoMediaTypeSchema,
      /** The picture as a data URL (`data:image/png;base64,…`) for the preview. */
      dataUrl: z.string(),
      bytes: z.number().int(),
    })
    .nullable(),
});
export type Logo = z.infer<typeof LogoSchema>;

/**
 * A new logo (base64 of a PNG or JPEG) or null to remove it. The length bound lets a file a
 * little over the limit through, so the answer names the limit in words (`logo_too_large`).
 */
export const UpdateLogoBody = z
  .object({
    version: Int4.min(0),
    image: z.base64().max(400_000).nullable(),
  })
  .strict();
export type LogoChange = z.infer<typeof UpdateLogoBody>;
