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

// ---------------------------------------------------------------------------------------------
// Identification forms and area interventions (issue 16 parts 3 and 5; server/modules/area-work).

/**
 * Signs on tool 4a (younger siblings and families of people in extremist environments), in our
 * own words from the seed's description of the target group. Not an exhaustive list, and one
 * sign alone says little (the form shows the seed's cautions).
 */
export const IDENTIFICATION_SIGNS_4A = [
  'family_member_in_environment',
  'glorifies_older_sibling',
  'lives_up_to_family_rewards',
  'ideology_shared_in_family',
  'changed_after_family_prison_stay',
  'withdraws_from_peers',
] as const;

/** Signs on tool 4b (persons at risk of moving from criminal to extremist environments). */
export const IDENTIFICATION_SIGNS_4B = [
  'criminal_violent_background',
  'during_or_after_prison',
  'justifies_violence_with_cause',
  'seeks_redemption_in_faith',
  'contact_with_extremist_environment',
  'leaves_former_circle',
] as const;

export const IDENTIFICATION_SIGNS = {
  '4a': IDENTIFICATION_SIGNS_4A,
  '4b': IDENTIFICATION_SIGNS_4B,
} as const;
export const IdentificationSignSchema = z.enum([
  ...IDENTIFICATION_SIGNS_4A,
  ...IDENTIFICATION_SIGNS_4B,
]);
export type IdentificationSign = z.infer<typeof IdentificationSignSchema>;

/** How the person on a 4a form relates to the one in an environment (the seed's family roles). */
export const IDENTIFICATION_RELATIONS = ['younger_sibling', 'child', 'sibling', 'other'] as const;
export const IdentificationRelationSchema = z.enum(IDENTIFICATION_RELATIONS);

/** An area intervention's course: planned → active → phasing out (monitored) → ended. */
export const AREA_INTERVENTION_STATUSES = ['planned', 'active', 'phasing_out', 'ended'] as const;
export const AreaInterventionStatusSchema = z.enum(AREA_INTERVENTION_STATUSES);
export type AreaInterventionStatus = z.infer<typeof AreaInterventionStatusSchema>;
export type AreaInterventionKind = z.infer<typeof AreaInterventionKindSchema>;

/** The status changes allowed: forward one step, or straight to ended. */
export const AREA_INTERVENTION_NEXT: Record<AreaInterventionStatus, AreaInterventionStatus[]> = {
  planned: ['active', 'ended'],
  active: ['phasing_out', 'ended'],
  phasing_out: ['ended'],
  ended: [],
};
// --- Mapping rounds and the area overview (issue 16 part 2; the area-rounds module) ---

/** A round's life: open (contributions collected), closed, systematised (the overview written). */
export const AREA_ROUND_STATUSES = ['open', 'closed', 'systematised'] as const;
export const AreaRoundStatusSchema = z.enum(AREA_ROUND_STATUSES);
export type AreaRoundStatus = z.infer<typeof AreaRoundStatusSchema>;

/** The categories whose contribution names a sign's code (from AREA_SIGNS or GROUP_SIGNS). */
export const SIGN_CATEGORIES = ['area_sign', 'group_sign'] as const;
/** The categories that describe a person by role and how to reach them. */
export const PERSON_CATEGORIES = ['resource_person', 'positive_connector'] as const;

/** An area sign's or a group sign's code. */
export type SignCode = (typeof AREA_SIGNS)[number] | (typeof GROUP_SIGNS)[number];

/** The signs a sign category chooses from. */
export function signsOf(category: ContributionCategory): readonly SignCode[] {
  if (category === 'area_sign') return AREA_SIGNS;
  if (category === 'group_sign') return GROUP_SIGNS;
  return [];
}

/** How an overview item compares with the last round's overview. */
export const OVERVIEW_CHANGES = ['new', 'gone', 'changed', 'same'] as const;
export type OverviewChange = (typeof OVERVIEW_CHANGES)[number];

/** Text limits of a contribution and an overview item (the database checks the same). */
export const ROUND_TEXT_LIMITS = {
  participants: 2000,
  label: 200,
  description: 4000,
  howToReach: 500,
  overviewItems: 500,
} as const;

/** Days before a round is due that "Mine opgaver" shows the task to hold it. */
export const ROUND_TASK_DAYS_BEFORE = 14;
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
