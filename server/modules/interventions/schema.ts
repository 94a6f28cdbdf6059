import { z } from 'zod';
import { QueryFlag, Version } from '../../platform/primitives.ts';
import { MunicipalityCodeSchema } from '../organisation/schema.ts';

/**
 * Request and response shapes of the interventions catalogue (indsatskatalog): the offers a
 * municipality can give, each on a level of the prevention triangle. Request objects are strict
 * (unknown fields are rejected); the response schemas are the presenters.
 */

/** Forebyggelsestrekanten: opbyggende, foregribende, indgribende. */
export const INTERVENTION_LEVELS = ['building', 'anticipating', 'intervening'] as const;
export const INTERVENTION_AGE_GROUPS = ['under_18', 'adult', 'all'] as const;

export const InterventionLevelSchema = z.enum(INTERVENTION_LEVELS);
export const InterventionAgeGroupSchema = z.enum(INTERVENTION_AGE_GROUPS);

const Code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,60}$/)
  .describe('A stable slug, e.g. mentor_lab (lower-case letters, digits, underscore)');
const Name = z.string().trim().min(1).max(200);
const Description = z.string().trim().min(1).max(2000);
const LegalBasis = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('Free text, e.g. "Serviceloven § 12 b"');
const RevealsConcern = z
  .boolean()
  .describe(
    'The name or description reveals the radicalisation concern: members of a case outside the compartment see a neutral name and cannot choose it',
  );

/**
 * Words that name the concern. A name or description using one must be marked revealsConcern
 * (400 otherwise); the mark can be set on any other entry too.
 */
export const CONCERN_WORDS = /radikalis|ekstremis|radicalis|extremis/i;

export const InterventionTypeIdParams = z.object({ id: z.uuid() }).strict();

export const InterventionTypeQuery = z
  .object({
    level: InterventionLevelSchema.optional(),
    ageGroup: InterventionAgeGroupSchema.optional().describe(
      'under_18 and adult also match offers for all ages; all matches those only',
    ),
    active: QueryFlag.optional(),
  })
  .strict();

export const InterventionTypeSchema = z.object({
  id: z.uuid(),
  municipalityCode: MunicipalityCodeSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  level: InterventionLevelSchema,
  ageGroup: InterventionAgeGroupSchema,
  legalBasis: z.string().nullable(),
  consentRequired: z.boolean(),
  responsibleUnitId: z.uuid().nullable(),
  responsibleUnitName: z.string().nullable(),
  /** A specially arranged offer (særligt tilrettelagt tilbud). */
  tailored: z.boolean(),
  revealsConcern: RevealsConcern,
  active: z.boolean(),
  version: z.number().int(),
});

export const InterventionTypeListSchema = z.object({ items: z.array(InterventionTypeSchema) });

export const CreateInterventionTypeBody = z
  .object({
    code: Code,
    name: Name,
    description: Description.nullable().optional(),
    level: InterventionLevelSchema,
    ageGroup: InterventionAgeGroupSchema,
    legalBasis: LegalBasis.nullable().optional(),
    consentRequired: z.boolean().optional(),
    responsibleUnitId: z.uuid().nullable().optional(),
    tailored: z.boolean().optional(),
    revealsConcern: RevealsConcern.optional(),
  })
  .strict();

/** The code is stable and cannot be changed. */
export const UpdateInterventionTypeBody = z
  .object({
    version: Version,
    name: Name.optional(),
    description: Description.nullable().optional(),
    level: InterventionLevelSchema.optional(),
    ageGroup: InterventionAgeGroupSchema.optional(),
    legalBasis: LegalBasis.nullable().optional(),
    consentRequired: z.boolean().optional(),
    responsibleUnitId: z.uuid().nullable().optional(),
    tailored: z.boolean().optional(),
    revealsConcern: RevealsConcern.optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const LoadStandardBody = z.object({}).strict();

export const LoadStandardResultSchema = z.object({
  /** How many offers were added: 0 when the catalogue already had offers. */
  created: z.number().int(),
  items: z.array(InterventionTypeSchema),
});

export type InterventionType = z.infer<typeof InterventionTypeSchema>;
export type InterventionTypeFilter = z.infer<typeof InterventionTypeQuery>;
export type CreateInterventionType = z.infer<typeof CreateInterventionTypeBody>;
export type UpdateInterventionType = z.infer<typeof UpdateInterventionTypeBody>;
export type LoadStandardResult = z.infer<typeof LoadStandardResultSchema>;
