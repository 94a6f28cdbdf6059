import { z } from 'zod';

/**
 * The organisation model (issue 14 part 1): the three ways the national mapping (2018) found
 * municipalities organising the work on concerns, as configuration of one product.
 *
 * - 1, the coordinator model (tovholdermodellen): one coordinator receives and assesses concerns,
 *   gathers knowledge informally and meets the police in Infohus Kommune;
 * - 2, the ad hoc forum: a fixed cross-disciplinary group convened when a concern arrives;
 * - 3, the standing forum with a steering group: a fixed cadence, written criteria, systematic
 *   minutes, re-review of closed cases and a steering group that follows the numbers.
 *
 * Choosing a model applies MODEL_DEFAULTS to the municipality's settings in one change; each
 * setting stays adjustable afterwards. The values are listed here once for the server (schemas,
 * the change) and the web (options, "differs from the model"); their words live in the locales.
 * The table is explained in docs/meetings/organisation-model.md.
 */
export const ORGANISATION_MODELS = [1, 2, 3] as const;
export const OrganisationModelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type OrganisationModel = z.infer<typeof OrganisationModelSchema>;

/** How often a forum meets (forums.cadence, municipality_settings.meeting_cadence; 0044). */
export const MeetingCadenceSchema = z.enum([
  'weekly',
  'biweekly',
  'monthly',
  'quarterly',
  'half_yearly',
]);
export type MeetingCadence = z.infer<typeof MeetingCadenceSchema>;
export const MEETING_CADENCES = MeetingCadenceSchema.options;

/** Whether the police's Infohus contact joins the assessment always or for serious concerns. */
export const PoliceParticipationSchema = z.enum(['always', 'serious']);
export type PoliceParticipation = z.infer<typeof PoliceParticipationSchema>;

/** What sort of forum a forum is (forums.kind, 0044). */
export const ForumKindSchema = z.enum([
  'infohus_kommune',
  'forum',
  'steering_group',
  'infohus_network',
  'housing_area',
]);
export type ForumKind = z.infer<typeof ForumKindSchema>;
export const FORUM_KINDS = ForumKindSchema.options;

/**
 * Forum kinds a model does not use: in the coordinator model there are no forum or steering
 * group meetings. Such a forum may still be created (a municipality moving to model 2 or 3
 * prepares its forums first); the forums page marks it "not used in the chosen model".
 */
export function forumKindUsedIn(kind: ForumKind, model: OrganisationModel): boolean {
  if (model === 1) return kind !== 'forum' && kind !== 'steering_group';
  if (model === 2) return kind !== 'steering_group';
  return true;
}

/** The settings a model decides. */
export interface OrganisationDefaults {
  /** Who triages a new inquiry: the coordinator, or the handling forum's members as well. */
  triageBy: 'coordinator' | 'forum';
  /** Concerns are assessed in a forum meeting, or by the coordinator alone. */
  assessmentInForum: boolean;
  /** A second coordinator approves each decision on an inquiry. */
  fourEyes: boolean;
  policeParticipation: PoliceParticipation;
  /** Who approves action plans. */
  planApproval: 'coordinator' | 'steering_group';
  /** Closed cases are re-reviewed (6 and 12 months) at the forum's meetings. */
  reReviewAtMeetings: boolean;
  meetingCadence: MeetingCadence;
}

/** The defaults of each model: the one table (docs/meetings/organisation-model.md repeats it). */
export const MODEL_DEFAULTS: Record<OrganisationModel, OrganisationDefaults> = {
  1: {
    triageBy: 'coordinator',
    assessmentInForum: false,
    fourEyes: false,
    policeParticipation: 'serious',
    planApproval: 'coordinator',
    reReviewAtMeetings: false,
    meetingCadence: 'monthly',
  },
  2: {
    triageBy: 'coordinator',
    assessmentInForum: true,
    fourEyes: false,
    policeParticipation: 'serious',
    planApproval: 'coordinator',
    reReviewAtMeetings: false,
    meetingCadence: 'monthly',
  },
  3: {
    triageBy: 'forum',
    assessmentInForum: true,
    fourEyes: true,
    policeParticipation: 'always',
    planApproval: 'steering_group',
    reReviewAtMeetings: true,
    meetingCadence: 'monthly',
  },
};

export const ORGANISATION_SETTINGS = Object.keys(
  MODEL_DEFAULTS[1],
) as (keyof OrganisationDefaults)[];
