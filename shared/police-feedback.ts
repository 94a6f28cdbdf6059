import { z } from 'zod';

/**
 * What a police contact may tell the municipality about an inquiry handed to the police
 * (issue 14 part 8; police_feedback.kind, 0045): a choice from this list and, for 'other' always,
 * a short text. The words live in the locales under each value.
 */
export const PoliceFeedbackKindSchema = z.enum([
  // The police take no further action.
  'no_police_action',
  // The municipality may continue with a preventive course.
  'municipality_may_continue',
  // The police take over; the municipality waits.
  'police_take_over',
  // Something else: the text says what.
  'other',
]);
export type PoliceFeedbackKind = z.infer<typeof PoliceFeedbackKindSchema>;
export const POLICE_FEEDBACK_KINDS = PoliceFeedbackKindSchema.options;

/** The longest text the police may add. */
export const POLICE_FEEDBACK_NOTE_MAX = 1000;
