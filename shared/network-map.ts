import { z } from 'zod';

/**
 * The network analysis map's value lists (issue 15 part 5; the housing-area model's tool 6),
 * defined once for the server's schemas and the web's options and drawing. Words live in the
 * locale files under each value's key.
 */

/** The sectors around the citizen, in the order the map and the list show them. */
export const NetworkSectorSchema = z.enum([
  'family',
  'friends',
  'school_work',
  'leisure',
  'online',
  'professionals',
  // A description of an environment, never a list of people.
  'extremist_environment',
]);
export type NetworkSector = z.infer<typeof NetworkSectorSchema>;
export const NETWORK_SECTORS = NetworkSectorSchema.options;

/** What a relation means for the citizen. Never a score: a professional's judgement in words. */
export const RelationQualitySchema = z.enum(['protective', 'risky', 'mixed']);
export type RelationQuality = z.infer<typeof RelationQualitySchema>;
export const RELATION_QUALITIES = RelationQualitySchema.options;

/** Closeness: 1 close, 2 in between, 3 distant (the map's rings from the citizen outwards). */
export const CLOSENESS_LEVELS = [1, 2, 3] as const;
export type Closeness = (typeof CLOSENESS_LEVELS)[number];
export const CLOSENESS_MIN = 1;
export const CLOSENESS_MAX = 3;

/** Limits of the map (the service and the web's form). */
export const NETWORK_MAP_LIMITS = {
  relations: 200,
  label: 200,
  note: 1000,
  occasion: 200,
} as const;
