import { z } from 'zod';
import {
  ImplementationItemKeySchema,
  ImplementationPartSchema,
  ItemStatusSchema,
  ProfileAnswersSchema,
} from '../../../shared/implementation.ts';
import { OrganisationModelSchema } from '../../../shared/organisation-model.ts';
import { DateOnly, INT4_MAX } from '../../platform/primitives.ts';

/** Request and response shapes of the implementation follow-up and self-profile (web shares). */

const text = (max: number) => z.string().trim().min(1).max(max).nullable();

export const ImplementationAbilitiesSchema = z.object({ read: z.boolean(), edit: z.boolean() });

export const StaffRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const ImplementationItemSchema = z.object({
  key: ImplementationItemKeySchema,
  part: ImplementationPartSchema,
  leadership: z.boolean(),
  status: ItemStatusSchema,
  notRelevantReason: z.string().nullable(),
  responsibleUser: StaffRefSchema.nullable(),
  responsibleText: z.string().nullable(),
  evidence: z.string().nullable(),
  nextReviewOn: z.iso.date().nullable(),
  /** The review date has passed: the item is a task for the coordinators. */
  reviewDue: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: StaffRefSchema.nullable(),
  /** 0 until the item is first changed (no row yet). */
  version: z.number().int().min(0),
});
export type ImplementationItem = z.infer<typeof ImplementationItemSchema>;

export const ReviewSchema = z.object({
  id: z.uuid(),
  reviewedOn: z.iso.date(),
  reviewedBy: StaffRefSchema,
  conclusion: z.string(),
  nextReviewOn: z.iso.date(),
  createdAt: z.iso.datetime(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ChecklistSchema = z.object({
  items: z.array(ImplementationItemSchema),
  reviews: z.array(ReviewSchema),
  /** The latest review's next date; null before the first review. */
  nextReviewOn: z.iso.date().nullable(),
  reviewDue: z.boolean(),
  abilities: ImplementationAbilitiesSchema,
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const ItemParams = z.object({ key: ImplementationItemKeySchema }).strict();

export const UpdateItemBody = z
  .object({
    status: ItemStatusSchema,
    notRelevantReason: text(1000),
    responsibleUserId: z.uuid().nullable(),
    responsibleText: text(200),
    evidence: text(2000),
    nextReviewOn: DateOnly.nullable(),
    /** The version the client saw (0: the item was never changed). */
    version: z.number().int().min(0).max(INT4_MAX),
  })
  .strict();
export type UpdateItem = z.infer<typeof UpdateItemBody>;

export const ItemResponseSchema = z.object({
  item: ImplementationItemSchema,
  abilities: ImplementationAbilitiesSchema,
});

const ItemValuesSchema = z.object({
  status: ItemStatusSchema,
  notRelevantReason: z.string().nullable(),
  responsibleUser: StaffRefSchema.nullable(),
  responsibleText: z.string().nullable(),
  evidence: z.string().nullable(),
  nextReviewOn: z.iso.date().nullable(),
});
export type ItemValues = z.infer<typeof ItemValuesSchema>;

export const ItemChangeSchema = z.object({
  id: z.uuid(),
  changedAt: z.iso.datetime(),
  changedBy: StaffRefSchema,
  old: ItemValuesSchema.nullable(),
  new: ItemValuesSchema,
  /** The fields that changed. */
  fields: z.array(z.string()),
});
export type ItemChange = z.infer<typeof ItemChangeSchema>;

export const ItemHistorySchema = z.object({
  key: ImplementationItemKeySchema,
  items: z.array(ItemChangeSchema),
});

export const CreateReviewBody = z
  .object({
    id: z.uuid(),
    reviewedOn: DateOnly,
    conclusion: z.string().trim().min(1).max(2000),
    nextReviewOn: DateOnly,
  })
  .strict();
export type CreateReview = z.infer<typeof CreateReviewBody>;

export const ReviewResponseSchema = z.object({ review: ReviewSchema });

export const ResponsibleCandidatesSchema = z.object({ items: z.array(StaffRefSchema) });

export const ProfileVersionSchema = z.object({
  number: z.number().int().min(1),
  savedAt: z.iso.datetime(),
  savedBy: StaffRefSchema,
  answers: ProfileAnswersSchema,
  /** The answers that differ from the version before (all of them for the first). */
  changed: z.array(z.string()),
});
export type ProfileVersion = z.infer<typeof ProfileVersionSchema>;

export const ProfileSchema = z.object({
  /** The organisation model of the organisation settings (shown, not stored here). */
  organisationModel: OrganisationModelSchema,
  /** Every saved version, newest first. */
  versions: z.array(ProfileVersionSchema),
  abilities: ImplementationAbilitiesSchema,
});
export type Profile = z.infer<typeof ProfileSchema>;

export const SaveProfileBody = z
  .object({
    /** The number of the latest version the client saw (0: none yet). */
    basedOn: z.number().int().min(0).max(INT4_MAX),
    answers: ProfileAnswersSchema,
  })
  .strict();
export type SaveProfile = z.infer<typeof SaveProfileBody>;
