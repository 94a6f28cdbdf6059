import { z } from 'zod';

/**
 * The value lists of forums and meetings (issue 14, db/migrations/0044), shared by server and
 * web. Labels live in the locale files under each value's key.
 */

/** What sort of forum it is, and how often it meets: defined with the organisation model. */
export {
  ForumKindSchema,
  type ForumKind,
  MeetingCadenceSchema as CadenceSchema,
  type MeetingCadence as Cadence,
} from './organisation-model.ts';
import type { ForumKind } from './organisation-model.ts';

/** The type of a meeting. */
export const MeetingTypeSchema = z.enum([
  'infohus_kommune',
  'forum',
  'steering_group',
  'infohus_network',
  'area_meeting',
  'interdisciplinary',
  'knowledge_sharing',
]);
export type MeetingType = z.infer<typeof MeetingTypeSchema>;

/** The meeting types a forum of each kind holds. */
export const MEETING_TYPES_BY_FORUM_KIND: Record<ForumKind, readonly MeetingType[]> = {
  infohus_kommune: ['infohus_kommune'],
  forum: ['forum'],
  steering_group: ['steering_group'],
  infohus_network: ['infohus_network'],
  housing_area: ['area_meeting', 'interdisciplinary', 'knowledge_sharing'],
};

/**
 * The forum kinds that hold meetings in each organisation model. Model 1 (the coordinator
 * model) assesses concerns without a forum: only the Infohus Kommune meetings with the police
 * (every model has them) and the housing areas' meetings (not a question of the model) remain.
 */
export const MODEL_1_FORUM_KINDS: readonly ForumKind[] = ['infohus_kommune', 'housing_area'];

export function forumKindHoldsMeetings(kind: ForumKind, organisationModel: number): boolean {
  return organisationModel !== 1 || MODEL_1_FORUM_KINDS.includes(kind);
}

export const MeetingStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** How a user takes part in a meeting. */
export const ParticipantKindSchema = z.enum(['member', 'guest']);
export type ParticipantKind = z.infer<typeof ParticipantKindSchema>;

/** At most this many meetings made at once from a forum's cadence (the first included). */
export const MAX_REPEAT = 24;
