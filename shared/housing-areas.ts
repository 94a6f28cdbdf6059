import { z } from 'zod';

/**
 * The housing-area model's value lists (issue 16; seed model-criminal-to-extremist-recruitment.txt,
 * domain.md §4), defined once for the server and the web. Words are in the i18n files
 * (`housingAreas.…`), never here.
 */

/** How often an area is mapped (tool 3). */
export const AREA_CADENCES = ['quarterly', 'half_yearly'] as const;
export const AreaCadenceSchema = z.enum(AREA_CADENCES);
export type AreaCadence = z.infer<typeof AreaCadenceSchema>;

/** Months between two mapping rounds of a cadence. */
export const CADENCE_MONTHS: Record<AreaCadence, number> = { quarterly: 3, half_yearly: 6 };

/** The levels an area is mapped at, below the area itself. */
export const AREA_PART_LEVELS = ['zone', 'place'] as const;
export const AreaPartLevelSchema = z.enum(AREA_PART_LEVELS);
export type AreaPartLevel = z.infer<typeof AreaPartLevelSchema>;

/** What a zone is: a part of the area, or an environment (a milieu that meets there). */
export const ZONE_KINDS = ['zone', 'environment'] as const;
/** What a specific place is. */
export const PLACE_KINDS = ['hangout', 'shop', 'club', 'institution', 'outdoor', 'other'] as const;
export const ZoneKindSchema = z.enum(ZONE_KINDS);
export const PlaceKindSchema = z.enum(PLACE_KINDS);

/** Signs for an area (phase 2, the area analysis): where they are seen, not who. */
export const AREA_SIGNS = [
  'vandalism_burglary',
  'young_people_at_risk_of_crime',
  'outside_work_and_education',
] as const;
export const AreaSignSchema = z.enum(AREA_SIGNS);

/** Signs for a group (phase 2): described as a group's behaviour, never as a list of persons. */
export const GROUP_SIGNS = [
  'distances_from_neighbourhood',
  'violent_engagement_as_necessary',
  'not_equal_part_of_society',
] as const;
export const GroupSignSchema = z.enum(GROUP_SIGNS);

/** The identification forms (phase 1, step 2) that become a concern inquiry. */
export const IDENTIFICATION_TOOLS = ['4a', '4b'] as const;
export const IdentificationToolSchema = z.enum(IDENTIFICATION_TOOLS);
export type IdentificationTool = z.infer<typeof IdentificationToolSchema>;

/** The three kinds of intervention of phase 3; individual ones are the case's interventions. */
export const AREA_INTERVENTION_KINDS = ['area_civil_society', 'upskilling'] as const;
export const AreaInterventionKindSchema = z.enum(AREA_INTERVENTION_KINDS);

/** What a contribution to a mapping round is about (tool 3). */
export const CONTRIBUTION_CATEGORIES = [
  'resource_person',
  'positive_connector',
  'association',
  'place',
  'area_sign',
  'group_sign',
  'other',
] as const;
export const ContributionCategorySchema = z.enum(CONTRIBUTION_CATEGORIES);
export type ContributionCategory = z.infer<typeof ContributionCategorySchema>;

/** A contribution is a challenge or a resource. */
export const CONTRIBUTION_STANCES = ['challenge', 'resource'] as const;
export const ContributionStanceSchema = z.enum(CONTRIBUTION_STANCES);

// --- The area analysis and the area action plan (issue 16 part 4, server/modules/area-plans) ---

/** A plan's version moves draft → submitted → approved (by another) → superseded. */
export const AREA_PLAN_STATUSES = ['draft', 'submitted', 'approved', 'superseded'] as const;
export const AreaPlanStatusSchema = z.enum(AREA_PLAN_STATUSES);
export type AreaPlanStatus = z.infer<typeof AreaPlanStatusSchema>;

/** Where a goal of the area action plan stands at its follow-up. */
export const AREA_GOAL_STATUSES = [
  'not_started',
  'in_progress',
  'achieved',
  'not_achieved',
  'dropped',
] as const;
export const AreaGoalStatusSchema = z.enum(AREA_GOAL_STATUSES);
export type AreaGoalStatus = z.infer<typeof AreaGoalStatusSchema>;

/** The reflection questions of the area action plan (guidance key `areaPlanReflection`). */
export const AREA_PLAN_REFLECTIONS = ['first', 'efforts', 'responsibility', 'connectors'] as const;
export type AreaPlanReflection = (typeof AREA_PLAN_REFLECTIONS)[number];
