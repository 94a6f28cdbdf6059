import { z } from 'zod';

/** Request and response shapes of the organisation module, shared with the web app. */
export const RegionSchema = z.enum([
  'hovedstaden',
  'sjaelland',
  'syddanmark',
  'midtjylland',
  'nordjylland',
  'demo',
]);

export const MunicipalityCodeSchema = z
  .string()
  .regex(/^[0-9]{3}$/, 'three digits')
  .describe('Official three-digit municipality code (kommunekode)');

export const MunicipalitySchema = z.object({
  code: MunicipalityCodeSchema,
  name: z.string(),
  region: RegionSchema,
  policeDistrict: z.object({ id: z.number().int(), name: z.string() }),
  isDemo: z.boolean(),
});

export const MunicipalityListQuery = z
  .object({
    region: RegionSchema.optional(),
    policeDistrictId: z.coerce.number().int().min(1).max(999).optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name'),
    after: MunicipalityCodeSchema.optional().describe(
      'Keyset cursor: the last code of the previous page',
    ),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();

export const MunicipalityListSchema = z.object({
  items: z.array(MunicipalitySchema),
  nextCursor: MunicipalityCodeSchema.nullable(),
});

export const PoliceDistrictSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  isDemo: z.boolean(),
  municipalities: z.array(z.object({ code: MunicipalityCodeSchema, name: z.string() })),
});

export const UnitKindSchema = z.enum([
  'ssp',
  'children_youth',
  'social_family',
  'jobcenter',
  'integration',
  'psychiatry_liaison',
  'police_contact',
  'prison_service_contact',
  'housing_social_work',
  'mentors_coaches',
]);

export const UnitSchema = z.object({
  id: z.uuid(),
  kind: UnitKindSchema,
  name: z.string(),
  version: z.number().int(),
});

export const MunicipalityParams = z.object({ code: MunicipalityCodeSchema }).strict();

export type Municipality = z.infer<typeof MunicipalitySchema>;
export type PoliceDistrict = z.infer<typeof PoliceDistrictSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type UnitKind = z.infer<typeof UnitKindSchema>;
