import { z } from 'zod';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { compartment, record } from '../../access/compartment.ts';
import {
  CLOSENESS_MAX,
  CLOSENESS_MIN,
  NETWORK_MAP_LIMITS,
  NetworkSectorSchema,
  RelationQualitySchema,
} from '../../../shared/network-map.ts';

/**
 * The network analysis map of a case's citizen (issue 15 part 5): request and response shapes,
 * shared with the web app. A relation is described by its role ("older cousin"), never
 * registered as a person; only a person of the case may be linked (`personId`).
 */

export const NetworkMapParams = z.object({ id: z.uuid(), mapId: z.uuid() }).strict();

export const NetworkMapStatusSchema = z.enum(['draft', 'final']);
export type NetworkMapStatus = z.infer<typeof NetworkMapStatusSchema>;

const Occasion = z.string().trim().min(1).max(NETWORK_MAP_LIMITS.occasion).nullable();

/** One relation as the client sends it (the key stays the same across versions). */
export const RelationBody = z
  .object({
    key: z.uuid(),
    sector: NetworkSectorSchema,
    label: z.string().trim().min(1).max(NETWORK_MAP_LIMITS.label),
    closeness: z.number().int().min(CLOSENESS_MIN).max(CLOSENESS_MAX),
    quality: RelationQualitySchema,
    note: z.string().trim().max(NETWORK_MAP_LIMITS.note).nullable().default(null),
    /** A person of the case (checked against the case); null for everyone else. */
    personId: z.uuid().nullable().default(null),
  })
  .strict();
export type RelationInput = z.input<typeof RelationBody>;
export type Relation = z.output<typeof RelationBody>;

/** Starts a new version (a copy of the latest one); the client chooses its id. */
export const CreateNetworkMapBody = z
  .object({
    id: z.uuid(),
    drawnOn: DateOnly,
    occasion: Occasion.default(null),
  })
  .strict();
export type CreateNetworkMapInput = z.input<typeof CreateNetworkMapBody>;

/** The draft's whole content (PUT replaces it). */
export const NetworkMapBody = z
  .object({
    version: Version,
    drawnOn: DateOnly,
    occasion: Occasion.default(null),
    relations: z.array(RelationBody).max(NETWORK_MAP_LIMITS.relations),
  })
  .strict();
export type NetworkMapInput = z.input<typeof NetworkMapBody>;

export const FinaliseNetworkMapBody = z.object({ version: Version }).strict();

/** Two versions to compare; without them, the latest version and the one before it. */
export const CompareQuery = z
  .object({ from: z.uuid().optional(), to: z.uuid().optional() })
  .strict();

const Person = z.object({ id: z.uuid(), name: z.string() });

/** A relation as read: with the linked person's name while they are a person of the case. */
export const RelationSchema = z.object({
  key: z.uuid(),
  sector: NetworkSectorSchema,
  label: z.string(),
  closeness: z.number().int(),
  quality: RelationQualitySchema,
  note: z.string().nullable(),
  personId: z.uuid().nullable(),
  /** The linked person's name, or null (not linked, or no longer a person of the case). */
  personName: z.string().nullable(),
});
export type RelationView = z.infer<typeof RelationSchema>;

export const NetworkMapSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: NetworkMapStatusSchema,
  basedOnId: z.uuid().nullable(),
  drawnOn: z.string(),
  occasion: z.string().nullable(),
  // Compartment: the map describes the citizen's ties to an extremist environment.
  relations: compartment(z.array(RelationSchema)),
  createdBy: Person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finalisedBy: Person.nullable(),
  finalisedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type NetworkMap = z.infer<typeof NetworkMapSchema>;

/** Every version of the case's map, newest first. */
export const NetworkMapListSchema = record(
  'case',
  z.object({
    /** The case's id. */
    id: z.uuid(),
    items: z.array(NetworkMapSchema),
  }),
);
export type NetworkMapList = z.infer<typeof NetworkMapListSchema>;

export const NetworkMapResponse = record(
  'case',
  z.object({
    /** The case's id. */
    id: z.uuid(),
    map: NetworkMapSchema,
  }),
);
export type NetworkMapResponseBody = z.infer<typeof NetworkMapResponse>;

export const RelationChangeKindSchema = z.enum(['added', 'removed', 'changed']);

/** One relation's change between two versions (computed by the server: compare.ts). */
export const RelationChangeSchema = z.object({
  key: z.uuid(),
  kind: RelationChangeKindSchema,
  before: RelationSchema.nullable(),
  after: RelationSchema.nullable(),
  /** closer / further when the closeness changed. */
  moved: z.enum(['closer', 'further']).nullable(),
  qualityChanged: z.boolean(),
  sectorChanged: z.boolean(),
  labelChanged: z.boolean(),
  noteChanged: z.boolean(),
  personChanged: z.boolean(),
});
export type RelationChange = z.infer<typeof RelationChangeSchema>;

const VersionRef = z.object({
  id: z.uuid(),
  number: z.number().int(),
  drawnOn: z.string(),
  occasion: z.string().nullable(),
  status: NetworkMapStatusSchema,
});

export const NetworkMapComparisonSchema = record(
  'case',
  z.object({
    /** The case's id. */
    id: z.uuid(),
    /** Null when the map has fewer than two versions (nothing to compare yet). */
    from: VersionRef.nullable(),
    to: VersionRef.nullable(),
    changes: compartment(z.array(RelationChangeSchema)),
    unchanged: compartment(z.number().int()),
  }),
);
export type NetworkMapComparison = z.infer<typeof NetworkMapComparisonSchema>;
