import { z } from 'zod';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { AREA_CADENCES, PLACE_KINDS, ZONE_KINDS } from '../../../shared/housing-areas.ts';

/**
 * Request and response shapes of the housing areas, their zones and places, their partners and
 * the aggregates (issue 16 part 1). Shapes arrive as GeoJSON objects whose form is checked here
 * loosely; the service checks them with shared/geo.ts so each problem is a Danish field message
 * ("Zonen ligger uden for boligområdet", coordinates outside Denmark, a self-crossing ring).
 */

const Name = z.string().trim().min(1).max(120);
const LongText = z.string().trim().min(1).max(4000).nullable();

/** A GeoJSON geometry as sent: the type and its coordinates (checked in the service). */
export const GeometryInput = z
  .object({
    type: z.enum(['Point', 'Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()).max(2000),
  })
  .strict();

/** A GeoJSON geometry as stored and answered. */
const GeometryOut = z.object({ type: z.string(), coordinates: z.array(z.unknown()) });

export const AreaIdParams = z.object({ id: z.uuid() }).strict();
export const AreaPartParams = z.object({ id: z.uuid(), partId: z.uuid() }).strict();
export const AreaPartnerParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export const CreateAreaBody = z
  .object({
    id: z.uuid().describe('Chosen by the client: the same id again answers the same area'),
    name: Name,
    description: LongText.default(null),
    localActors: LongText.default(null),
    cadence: z.enum(AREA_CADENCES).nullable().default(null),
    teamForumId: z.uuid().nullable().default(null),
    geometry: GeometryInput,
  })
  .strict();
export type CreateArea = z.infer<typeof CreateAreaBody>;

/** A change of an area: only what is sent changes. */
export const UpdateAreaBody = z
  .object({
    version: Version,
    name: Name.optional(),
    description: LongText.optional(),
    localActors: LongText.optional(),
    cadence: z.enum(AREA_CADENCES).nullable().optional(),
    teamForumId: z.uuid().nullable().optional(),
    geometry: GeometryInput.optional(),
  })
  .strict();
export type UpdateArea = z.infer<typeof UpdateAreaBody>;

export const VersionBody = z.object({ version: Version }).strict();

export const AreaListQuery = z
  .object({
    q: z.string().trim().max(120).optional().describe('Part of the name'),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    cadence: z.enum([...AREA_CADENCES, 'none']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,600}$/)
      .optional()
      .describe('Keyset cursor from the previous page'),
  })
  .strict();
export type AreaListQueryT = z.infer<typeof AreaListQuery>;

const PART_KINDS = [...ZONE_KINDS, ...PLACE_KINDS] as const;

export const CreatePartBody = z
  .object({
    id: z.uuid().describe('Chosen by the client: the same id again answers the same part'),
    level: z.enum(['zone', 'place']),
    kind: z.enum(PART_KINDS),
    zoneId: z.uuid().nullable().default(null),
    name: Name,
    description: LongText.default(null),
    localActors: LongText.default(null),
    geometry: GeometryInput,
  })
  .strict();
export type CreatePart = z.infer<typeof CreatePartBody>;

export const UpdatePartBody = z
  .object({
    version: Version,
    kind: z.enum(PART_KINDS).optional(),
    zoneId: z.uuid().nullable().optional(),
    name: Name.optional(),
    description: LongText.optional(),
    localActors: LongText.optional(),
    geometry: GeometryInput.optional(),
  })
  .strict();
export type UpdatePart = z.infer<typeof UpdatePartBody>;

export const GrantPartnerBody = z
  .object({
    userId: z.uuid(),
    mayContribute: z.boolean().default(true),
    seesOverview: z.boolean().default(false),
  })
  .strict();
export type GrantPartner = z.infer<typeof GrantPartnerBody>;

export const ChangePartnerBody = z
  .object({ version: Version, mayContribute: z.boolean(), seesOverview: z.boolean() })
  .strict();

const AbilitiesSchema = z.object({
  readMap: z.boolean(),
  edit: z.boolean(),
  manage: z.boolean(),
  contribute: z.boolean(),
  readContributions: z.boolean(),
  readOverview: z.boolean(),
  manageRounds: z.boolean(),
  identify: z.boolean(),
  readPlan: z.boolean(),
  writePlan: z.boolean(),
  approvePlan: z.boolean(),
  readInterventions: z.boolean(),
  writeInterventions: z.boolean(),
  readAggregates: z.boolean(),
});

const StandingSchema = z.enum(['manager', 'team', 'partner', 'aggregate']);

export const AreaPartSchema = z.object({
  id: z.uuid(),
  level: z.enum(['zone', 'place']),
  kind: z.string(),
  zoneId: z.uuid().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  localActors: z.string().nullable(),
  geometry: GeometryOut,
  archivedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type AreaPart = z.infer<typeof AreaPartSchema>;

export const AreaPartnerSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  isPartnerUser: z.boolean(),
  mayContribute: z.boolean(),
  seesOverview: z.boolean(),
  version: z.number().int(),
});
export type AreaPartner = z.infer<typeof AreaPartnerSchema>;

export const AreaSchema = z.object({
  id: z.uuid(),
  municipalityCode: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  localActors: z.string().nullable(),
  cadence: z.enum(AREA_CADENCES).nullable(),
  /** Null for an `aggregate` caller, as the texts: they get the name and figures only. */
  geometry: GeometryOut.nullable(),
  teamForum: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  standing: StandingSchema,
  abilities: AbilitiesSchema,
  parts: z.array(AreaPartSchema),
  /** Only for those who manage the area; null for everyone else. */
  partners: z.array(AreaPartnerSchema).nullable(),
});
export type Area = z.infer<typeof AreaSchema>;

/** A row of the list; an `aggregate` caller gets the name only (no cadence, no shape). */
export const AreaListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cadence: z.enum(AREA_CADENCES).nullable(),
  archived: z.boolean(),
  standing: StandingSchema,
  abilities: AbilitiesSchema,
});
export const AreaListSchema = z.object({
  items: z.array(AreaListItemSchema),
  next: z.string().nullable(),
});

export const AreaTeamForumsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const PartnerCandidatesSchema = z.object({
  items: z.array(
    z.object({ userId: z.uuid(), displayName: z.string(), isPartnerUser: z.boolean() }),
  ),
});

export const AggregatesQuery = z
  .object({
    from: DateOnly.optional().describe('First day counted (identifications, rounds …)'),
    to: DateOnly.optional().describe('Last day counted'),
  })
  .strict();

export const AreaFiguresSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  archived: z.boolean(),
  zones: z.number().int(),
  places: z.number().int(),
  partners: z.number().int(),
  /** 1–4 are `'under_5'` for an area the caller sees at the aggregate standing only. */
  identifications: z.union([z.number().int(), z.literal('under_5')]),
  /** Figures of the other housing-area modules (rounds, plan goals, interventions), by name. */
  more: z.record(z.string(), z.number().int()),
});
export const AggregatesSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  items: z.array(AreaFiguresSchema),
});
