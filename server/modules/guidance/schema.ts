import { z } from 'zod';
import { GUIDANCE_TEXT_MAX, GuidanceKeySchema } from '../../../shared/guidance.ts';

/** The municipality's own guidance texts (0050): request and response shapes. */

export const GuidanceParams = z.object({ key: GuidanceKeySchema }).strict();

const Text = z.string().trim().min(1).max(GUIDANCE_TEXT_MAX);

/** A replacement of one text (version 0 while the default is in use). */
export const GuidanceBody = z
  .object({
    textDa: Text,
    textEn: Text.nullable().default(null),
    version: z.number().int().min(0).max(2_147_483_647),
  })
  .strict();
export type GuidanceInput = z.input<typeof GuidanceBody>;

export const GuidanceResetBody = z
  .object({ version: z.number().int().min(1).max(2_147_483_647) })
  .strict();

export const GuidanceOverrideSchema = z.object({
  key: GuidanceKeySchema,
  textDa: z.string(),
  textEn: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type GuidanceOverride = z.infer<typeof GuidanceOverrideSchema>;

/** The caller's municipality's replacements (a key not listed shows its default). */
export const GuidanceListSchema = z.object({ items: z.array(GuidanceOverrideSchema) });
export type GuidanceList = z.infer<typeof GuidanceListSchema>;
