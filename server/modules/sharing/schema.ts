import { z } from 'zod';
import { OrganisationKindSchema, SharingUseSchema } from '../../../shared/sharing.ts';
import { DateOnly, INT4_MAX } from '../../platform/primitives.ts';

/**
 * The legal bases for sharing information outside the team, as data (issue 13, docs/SHARING.md):
 * one row per basis and municipality, which the municipality's lawyer confirms. Shared with the
 * web app (the settings editor and the pickers).
 */
export const LEGAL_BASIS_KEYS = [
  'rpl_115_ssp',
  'rpl_115_psp',
  'rpl_115_ksp',
  'rpl_115a',
  'value_leap',
  'consent',
  'sel_12b',
] as const;
export const LegalBasisKeySchema = z.enum(LEGAL_BASIS_KEYS);
export type LegalBasisKey = z.infer<typeof LegalBasisKeySchema>;

export const LegalBasisSchema = z.object({
  key: LegalBasisKeySchema,
  nameDa: z.string(),
  nameEn: z.string(),
  law: z.string(),
  section: z.string(),
  allowsDa: z.string(),
  allowsEn: z.string(),
  validFrom: DateOnly,
  validTo: DateOnly.nullable(),
  organisationKinds: z.array(OrganisationKindSchema),
  uses: z.array(SharingUseSchema),
  requiresConsent: z.boolean(),
  confirmed: z.boolean(),
  /** 0 while the municipality is on the product's default. */
  version: z.number().int().min(0),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
export const LegalBasesSchema = z.object({ items: z.array(LegalBasisSchema) });

export const LegalBasisParams = z.object({ key: LegalBasisKeySchema }).strict();

const Text = (max: number) => z.string().trim().min(1).max(max);

export const UpdateLegalBasisBody = z
  .object({
    nameDa: Text(200),
    nameEn: Text(200),
    law: Text(100),
    section: Text(100),
    allowsDa: Text(2000),
    allowsEn: Text(2000),
    validFrom: DateOnly,
    validTo: DateOnly.nullable(),
    organisationKinds: z.array(OrganisationKindSchema).max(OrganisationKindSchema.options.length),
    uses: z.array(SharingUseSchema).max(3),
    requiresConsent: z.boolean(),
    confirmed: z.boolean(),
    version: z.number().int().min(0).max(INT4_MAX),
  })
  .strict();
export type UpdateLegalBasis = z.infer<typeof UpdateLegalBasisBody>;

/** The pickers' question: which bases fit this kind of organisation and this use (today). */
export const FittingBasesQuery = z
  .object({
    organisationKind: OrganisationKindSchema,
    use: SharingUseSchema,
    on: DateOnly.optional(),
  })
  .strict();
