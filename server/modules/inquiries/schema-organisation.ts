import { z } from 'zod';
import {
  MeetingCadenceSchema,
  OrganisationModelSchema,
  PoliceParticipationSchema,
} from '../../../shared/organisation-model.ts';
import { Int4 } from '../../platform/primitives.ts';

/**
 * The organisation model's part of the municipality's settings (issue 14 part 1): the model,
 * the settings it proposes beside the older triageBy, fourEyes and planApproval, and who changed
 * the settings last. Choosing a model is its own request (ChooseModelBody): it applies the
 * model's defaults (shared/organisation-model.ts) in one change.
 */
export const OrganisationSettingsSchema = z.object({
  organisationModel: OrganisationModelSchema,
  assessmentInForum: z.boolean(),
  policeParticipation: PoliceParticipationSchema,
  reReviewAtMeetings: z.boolean(),
  meetingCadence: MeetingCadenceSchema,
  onHoldAgendaWeeks: z.number().int(),
  lastChangedAt: z.iso.datetime().nullable(),
  /** The display name of the staff member who changed the settings last. */
  lastChangedBy: z.string().nullable(),
});

/** The adjustable settings in a change of the settings (each on its own, after the model). */
export const OrganisationSettingsBody = z.object({
  assessmentInForum: z.boolean(),
  policeParticipation: PoliceParticipationSchema,
  reReviewAtMeetings: z.boolean(),
  meetingCadence: MeetingCadenceSchema,
  onHoldAgendaWeeks: z.number().int().min(1).max(104),
});

/** Choose a model: its defaults replace the settings it decides (optimistic locking). */
export const ChooseModelBody = z
  .object({
    version: Int4.min(0),
    model: z.number().int().min(1).max(3).pipe(OrganisationModelSchema),
  })
  .strict();
export type ChooseModel = z.infer<typeof ChooseModelBody>;

/** What other modules and the web need to know of the model (organisationSettings). */
export const OrganisationFlagsSchema = z.object({
  model: OrganisationModelSchema,
  /** Concerns are assessed in forum meetings (models 2, 3). */
  assessmentInForum: z.boolean(),
  /** The forum (and steering-group) meetings are used; model 1 hides them. */
  forumMeetings: z.boolean(),
  reReviewAtMeetings: z.boolean(),
  policeParticipation: PoliceParticipationSchema,
});
export type OrganisationFlags = z.infer<typeof OrganisationFlagsSchema>;
