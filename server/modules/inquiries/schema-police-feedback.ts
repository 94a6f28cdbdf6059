import { z } from 'zod';
import {
  POLICE_FEEDBACK_NOTE_MAX,
  PoliceFeedbackKindSchema,
} from '../../../shared/police-feedback.ts';
import { Version } from '../../platform/primitives.ts';

/**
 * The police's feedback on an inquiry handed to them (issue 14 part 8): what a police contact of
 * the district sees (references only) and sends, and what the municipality's side sees of it.
 */

/** Feedback as the police contact sees it on their list: what was sent, when. */
export const SentFeedbackSchema = z.object({
  id: z.uuid(),
  kind: PoliceFeedbackKindSchema,
  note: z.string().nullable(),
  sentAt: z.iso.datetime(),
});

/** An inquiry handed to the police of the caller's district: reference, date, municipality. */
export const HandedInquirySchema = z.object({
  inquiryId: z.uuid(),
  reference: z.string(),
  handedAt: z.iso.datetime(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  feedback: z.array(SentFeedbackSchema),
});
export const HandedInquiryListSchema = z.object({ items: z.array(HandedInquirySchema) });
export type HandedInquiryItem = z.infer<typeof HandedInquirySchema>;

export const HandedInquiryParams = z.object({ inquiryId: z.uuid() }).strict();

/** Send feedback; the client chooses the id, so a repeated send makes one feedback. */
export const SendPoliceFeedbackBody = z
  .object({
    id: z.uuid(),
    kind: PoliceFeedbackKindSchema,
    /** Required with kind 'other'. Never names anyone beyond what the municipality may know. */
    note: z.string().trim().min(1).max(POLICE_FEEDBACK_NOTE_MAX).nullable().default(null),
  })
  .strict();
export type SendPoliceFeedback = z.infer<typeof SendPoliceFeedbackBody>;

/** Feedback as the inquiry's page shows it. */
export const InquiryPoliceFeedbackSchema = SentFeedbackSchema.extend({
  sentBy: z.string(),
  readAt: z.iso.datetime().nullable(),
  readBy: z.string().nullable(),
  version: z.number().int(),
});
export const InquiryPoliceFeedbackListSchema = z.object({
  items: z.array(InquiryPoliceFeedbackSchema),
  /** The caller may mark feedback read (the inquiry's coordinators). */
  mayMarkRead: z.boolean(),
});
export type InquiryPoliceFeedback = z.infer<typeof InquiryPoliceFeedbackSchema>;

export const PoliceFeedbackParams = z.object({ id: z.uuid(), feedbackId: z.uuid() }).strict();
export const MarkFeedbackReadBody = z.object({ version: Version }).strict();
