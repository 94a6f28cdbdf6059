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

export interface ImplementationItemDefinition {
  key: string;
  part: ImplementationPart;
  /** One of the leadership checklist's three questions ("Tjekliste" in the model's part 1). */
  leadership: boolean;
}

const item = (
  part: ImplementationPart,
  key: string,
  leadership = false,
): ImplementationItemDefinition => ({ key, part, leadership });

export const IMPLEMENTATION_ITEMS: readonly ImplementationItemDefinition[] = [
  // Del 1: the cross-disciplinary collaboration (municipality, housing area, police, others).
  item('collaboration', 'leadership_anchoring', true),
  item('collaboration', 'coordinator_and_team', true),
  item('collaboration', 'knowledge_sharing', true),
  item('collaboration', 'meeting_structure'),
  item('collaboration', 'consent_routine'),
  // Fase 1: coordinated identification (trin 1 mapping areas, trin 2 identifying citizens).
  item('identification', 'area_mapping_cadence'),
  item('identification', 'area_overview'),
  item('identification', 'identification_tools_available'),
  item('identification', 'concerns_forwarded'),
  // Fase 2: analysis (of areas, an area plan, of the citizen, the citizen's plan).
  item('analysis', 'area_analysis'),
  item('analysis', 'area_plan'),
  item('analysis', 'citizen_analysis'),
  item('analysis', 'citizen_plan'),
  // Fase 3: the holistic intervention (choice, ongoing follow-up, closing).
  item('intervention', 'intervention_choice'),
  item('intervention', 'ongoing_follow_up'),
  item('intervention', 'intervention_closing'),
];

export const IMPLEMENTATION_ITEM_KEYS = IMPLEMENTATION_ITEMS.map((i) => i.key) as [
  string,
  ...string[],
];
export const ImplementationItemKeySchema = z.enum(IMPLEMENTATION_ITEM_KEYS);

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
