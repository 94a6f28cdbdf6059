import { z } from 'zod';

/**
 * The implementation follow-up tool and the self-profile (issue 16 part 6), shared by server
 * and web. The checklist follows the housing-area model's four parts (seed
 * housing-area-model-webpage.txt: "Opfølgningsværktøj til implementering"; the steps from
 * model-criminal-to-extremist-recruitment.txt): part 1 the collaboration (with the leadership
 * checklist's three questions) and the three phases with their steps. The keys are stable: they
 * are stored per municipality (implementation_items.item_key). The words live in the web's
 * locales (implementation.items.<key>); a new item is a new key at the end of its part.
 */
export const IMPLEMENTATION_PARTS = [
  'collaboration',
  'identification',
  'analysis',
  'intervention',
] as const;
export const ImplementationPartSchema = z.enum(IMPLEMENTATION_PARTS);
export type ImplementationPart = z.infer<typeof ImplementationPartSchema>;

/** The items' keys, part by part (a new item: a new key at the end of its part). */
export const IMPLEMENTATION_ITEM_KEYS = [
  // Del 1: the cross-disciplinary collaboration (municipality, housing area, police, others);
  // the first three are the leadership checklist's questions.
  'leadership_anchoring',
  'coordinator_and_team',
  'knowledge_sharing',
  'meeting_structure',
  'consent_routine',
  // Fase 1: coordinated identification (trin 1 mapping areas, trin 2 identifying citizens).
  'area_mapping_cadence',
  'area_overview',
  'identification_tools_available',
  'concerns_forwarded',
  // Fase 2: analysis (of areas, an area plan, of the citizen, the citizen's plan).
  'area_analysis',
  'area_plan',
  'citizen_analysis',
  'citizen_plan',
  // Fase 3: the holistic intervention (choice, ongoing follow-up, closing).
  'intervention_choice',
  'ongoing_follow_up',
  'intervention_closing',
] as const;
export const ImplementationItemKeySchema = z.enum(IMPLEMENTATION_ITEM_KEYS);
export type ImplementationItemKey = z.infer<typeof ImplementationItemKeySchema>;

export interface ImplementationItemDefinition {
  key: ImplementationItemKey;
  part: ImplementationPart;
  /** One of the leadership checklist's three questions ("Tjekliste" in the model's part 1). */
  leadership: boolean;
}

const PART_OF: Record<ImplementationItemKey, ImplementationPart> = {
  leadership_anchoring: 'collaboration',
  coordinator_and_team: 'collaboration',
  knowledge_sharing: 'collaboration',
  meeting_structure: 'collaboration',
  consent_routine: 'collaboration',
  area_mapping_cadence: 'identification',
  area_overview: 'identification',
  identification_tools_available: 'identification',
  concerns_forwarded: 'identification',
  area_analysis: 'analysis',
  area_plan: 'analysis',
  citizen_analysis: 'analysis',
  citizen_plan: 'analysis',
  intervention_choice: 'intervention',
  ongoing_follow_up: 'intervention',
  intervention_closing: 'intervention',
};
const LEADERSHIP: ReadonlySet<ImplementationItemKey> = new Set([
  'leadership_anchoring',
  'coordinator_and_team',
  'knowledge_sharing',
]);

export const IMPLEMENTATION_ITEMS: readonly ImplementationItemDefinition[] =
  IMPLEMENTATION_ITEM_KEYS.map((key) => ({
    key,
    part: PART_OF[key],
    leadership: LEADERSHIP.has(key),
  }));

export const ITEM_STATUSES = ['not_started', 'under_way', 'in_place', 'not_relevant'] as const;
export const ItemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/**
 * The self-profile's questions, as the national mapping of municipal efforts (2018) asked them:
 * a strategy or action plan, fixed workflows, where the effort is anchored, which actors take
 * part, standing groups and the external actors brought in ad hoc. The organisation model (1/2/3)
 * is the organisation settings' and is shown beside the profile, not stored in it.
 */
export const PROFILE_STRATEGY = ['adopted', 'in_preparation', 'none'] as const;
export const PROFILE_WORKFLOWS = ['fixed', 'partly', 'none'] as const;
export const PROFILE_ANCHORING = [
  'ssp',
  'social_family',
  'children_youth',
  'jobcenter',
  'integration',
  'exit',
  'across_units',
  'other',
] as const;
export const PROFILE_ACTORS = [
  'ssp',
  'schools',
  'social_family',
  'children_youth',
  'jobcenter',
  'integration',
  'psychiatry',
  'police',
  'prison_probation',
  'housing_social',
  'clubs_street',
  'mentors',
  'civil_society',
] as const;
export const PROFILE_GROUPS = ['steering_group', 'working_group'] as const;

const note = z.string().trim().max(1000).nullable();

export const ProfileAnswersSchema = z
  .object({
    strategy: z.enum(PROFILE_STRATEGY),
    strategyNote: note,
    workflows: z.enum(PROFILE_WORKFLOWS),
    workflowsNote: note,
    anchoredIn: z.enum(PROFILE_ANCHORING),
    anchoredNote: note,
    actors: z.array(z.enum(PROFILE_ACTORS)).max(PROFILE_ACTORS.length),
    groups: z.array(z.enum(PROFILE_GROUPS)).max(PROFILE_GROUPS.length),
    adHocActors: note,
    notes: note,
  })
  .strict();
export type ProfileAnswers = z.infer<typeof ProfileAnswersSchema>;
export const PROFILE_FIELDS = Object.keys(ProfileAnswersSchema.shape) as (keyof ProfileAnswers)[];
