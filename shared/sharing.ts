import { z } from 'zod';

/**
 * Value lists for sharing information outside the team (issue 13): the kinds of organisation a
 * partner belongs to, the categories of information that can be shared or consented to, and the
 * uses a legal basis can cover. Defined once here; server and web import them, the web labels
 * them under `sharing.*` in web/src/app/i18n/locales.
 */

/** Kinds of partner organisation (domain.md §1: PSP, KSP, SSP, housing social work …). */
export const OrganisationKindSchema = z.enum([
  'psychiatry',
  'police',
  'prison_probation',
  'school',
  'club',
  'housing_social_work',
  'jobcenter',
  'municipal_unit',
  'other_municipality',
  'private_provider',
  'other_authority',
]);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;
export const ORGANISATION_KINDS = OrganisationKindSchema.options;

/**
 * Categories of information about a citizen. `concern` is the radicalisation concern and its
 * assessment (the compartment); `health` and `criminal` are the special categories of GDPR
 * art. 9 and art. 10.
 */
export const DataCategorySchema = z.enum([
  'identity',
  'concern',
  'case_history',
  'plan',
  'interventions',
  'social',
  'health',
  'criminal',
  'education_employment',
  'documents',
]);
export type DataCategory = z.infer<typeof DataCategorySchema>;
export const DATA_CATEGORIES = DataCategorySchema.options;

/**
 * What a legal basis can be used for: standing access for a partner in a case, one concrete
 * disclosure, or counselling (serviceloven § 12 b is a basis for counselling, not for sharing).
 */
export const SharingUseSchema = z.enum(['standing_access', 'single_disclosure', 'counselling']);
export type SharingUse = z.infer<typeof SharingUseSchema>;
export const SHARING_USES = SharingUseSchema.options;

/**
 * The purpose that information shared with the caller is bound to. Retsplejeloven § 115 lets the
 * municipality and the police share for crime prevention only, never for criminal
 * investigation, so a police user's view and every document exported to them carry it.
 */
export const PurposeLimitSchema = z.enum(['crime_prevention_115']);
export type PurposeLimit = z.infer<typeof PurposeLimitSchema>;
