import { z } from 'zod';
import { DateOnly, INT4_MAX, Version } from '../../platform/primitives.ts';
import {
  AreaRoundStatusSchema,
  ContributionCategorySchema,
  ContributionStanceSchema,
  OVERVIEW_CHANGES,
  ROUND_TEXT_LIMITS as L,
} from '../../../shared/housing-areas.ts';

/**
 * Mapping rounds of a housing area (issue 16 part 2, tool 3): request and response shapes,
 * shared with the web app. Texts describe places, groups' behaviour and people by role and
 * organisation, never a citizen (the service refuses a CPR number).
 */

export const AreaIdParams = z.object({ areaId: z.uuid() }).strict();
export const RoundParams = z.object({ areaId: z.uuid(), roundId: z.uuid() }).strict();
export const ContributionParams = z
  .object({ areaId: z.uuid(), roundId: z.uuid(), contributionId: z.uuid() })
  .strict();
export const VersionQuery = z
  .object({ version: z.coerce.number().int().min(1).max(INT4_MAX) })
  .strict();

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().default(null);

/** Starts a round (the client chooses its id): held date, participants or an area meeting. */
export const StartRoundBody = z
  .object({
    id: z.uuid(),
    heldOn: DateOnly.nullable().default(null),
    participants: optionalText(L.participants),
    meetingId: z.uuid().nullable().default(null),
  })
  .strict();
export type StartRoundInput = z.input<typeof StartRoundBody>;

/** Changes the round's held date, participants or meeting (optimistic locking). */
export const UpdateRoundBody = z
  .object({
    version: Version,
    heldOn: DateOnly.nullable(),
    participants: text(L.participants).nullable(),
    meetingId: z.uuid().nullable(),
  })
  .strict();

export const RoundVersionBody = z.object({ version: Version }).strict();

/** What a contributor writes (the category decides which fields apply; see rules.ts). */
const ContributionFields = {
  partId: z.uuid().nullable().default(null),
  stance: ContributionStanceSchema,
  category: ContributionCategorySchema,
  sign: z
    .string()
    .regex(/^[a-z_]{2,60}$/)
    .nullable()
    .default(null),
  label: text(L.label),
  description: optionalText(L.description),
  howToReach: optionalText(L.howToReach),
};
export const CreateContributionBody = z.object({ id: z.uuid(), ...ContributionFields }).strict();
export type ContributionInput = z.input<typeof CreateContributionBody>;
export const UpdateContributionBody = z
  .object({ version: Version, ...ContributionFields })
  .strict();
export type ContributionFieldsOut = Omit<z.output<typeof CreateContributionBody>, 'id'>;

export const ContributionSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  partId: z.uuid().nullable(),
  stance: ContributionStanceSchema,
  category: ContributionCategorySchema,
  sign: z.string().nullable(),
  label: z.string(),
  description: z.string().nullable(),
  howToReach: z.string().nullable(),
  /** The caller wrote it (and may change it while the round is open). */
  own: z.boolean(),
  contributorName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Contribution = z.infer<typeof ContributionSchema>;

export const RoundAbilitiesSchema = z.object({
  contribute: z.boolean(),
  readContributions: z.boolean(),
  readOverview: z.boolean(),
  manage: z.boolean(),
  close: z.boolean(),
  systematise: z.boolean(),
  editOverview: z.boolean(),
});

export const RoundSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  number: z.number().int(),
  status: AreaRoundStatusSchema,
  dueOn: z.iso.date(),
  heldOn: z.iso.date().nullable(),
  /** On time: held (or systematised) by its due date. Null while neither. */
  onTime: z.boolean().nullable(),
  /** Null for an aggregate-only caller (texts hidden). */
  participants: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  meetingStartsAt: z.iso.datetime().nullable(),
  contributionCount: z.number().int(),
  /** The caller's own contributions (a partner's view). */
  ownContributionCount: z.number().int(),
  systematisedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  abilities: RoundAbilitiesSchema,
});
export type Round = z.infer<typeof RoundSchema>;

export const RoundListSchema = z.object({
  items: z.array(RoundSchema),
  /** When the next round is due by the cadence (null: no cadence, or a round is open). */
  nextDueOn: z.iso.date().nullable(),
  cadence: z.enum(['quarterly', 'half_yearly']).nullable(),
  /** The area's team forum, whose meetings a round may be linked to (for those who start rounds). */
  teamForumId: z.uuid().nullable(),
  abilities: z.object({ start: z.boolean() }),
});
export type RoundList = z.infer<typeof RoundListSchema>;

export const RoundDetailSchema = z.object({
  round: RoundSchema,
  /** Every contribution (team, managers), the caller's own (a partner), none (aggregate). */
  contributions: z.array(ContributionSchema),
  /** The area's zones and places, for the level of a contribution. */
  parts: z.array(
    z.object({
      id: z.uuid(),
      level: z.enum(['zone', 'place']),
      name: z.string(),
      zoneId: z.uuid().nullable(),
    }),
  ),
});
export type RoundDetail = z.infer<typeof RoundDetailSchema>;

/** One item of the area overview; `key` is stable across rounds (see overview-diff.ts). */
export const OverviewItemBody = z
  .object({
    key: z.string().min(1).max(300),
    partId: z.uuid().nullable(),
    category: ContributionCategorySchema,
    stance: ContributionStanceSchema,
    sign: z
      .string()
      .regex(/^[a-z_]{2,60}$/)
      .nullable()
      .default(null),
    label: text(L.label),
    description: optionalText(L.description),
    howToReach: optionalText(L.howToReach),
    /** The key of the last round's item this one continues (the team's explicit "same as"). */
    sameAs: z.string().min(1).max(300).nullable().default(null),
  })
  .strict();
export type OverviewItem = z.output<typeof OverviewItemBody>;
export type OverviewItemInput = z.input<typeof OverviewItemBody>;

export const SystematiseBody = z
  .object({
    version: Version,
    items: z.array(OverviewItemBody).max(L.overviewItems),
  })
  .strict();
export const UpdateOverviewBody = SystematiseBody;

export const OverviewChangeSchema = z.enum(OVERVIEW_CHANGES);
export const OverviewEntrySchema = z.object({
  item: OverviewItemBody,
  change: OverviewChangeSchema,
  /** The last round's item (for changed and gone: shown side by side). */
  previous: OverviewItemBody.nullable(),
});
export type OverviewEntry = z.infer<typeof OverviewEntrySchema>;

export const OverviewCountSchema = z.object({
  category: ContributionCategorySchema,
  stance: ContributionStanceSchema,
  count: z.number().int(),
});

export const OverviewResponseSchema = z.object({
  round: RoundSchema,
  /** The stored overview (null until systematised; null for an aggregate-only caller). */
  overview: z
    .object({
      items: z.array(OverviewItemBody),
      version: z.number().int(),
      updatedAt: z.iso.datetime(),
    })
    .nullable(),
  /** A closed round's contributions merged into items, for the team to systematise. */
  proposal: z.array(OverviewItemBody).nullable(),
  /** The overview against the last systematised round's (null when there is none to compare). */
  changes: z
    .object({ previousRoundNumber: z.number().int(), entries: z.array(OverviewEntrySchema) })
    .nullable(),
  /** Items per category and stance: all an aggregate-only caller sees. */
  counts: z.array(OverviewCountSchema),
  parts: RoundDetailSchema.shape.parts,
});
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;
