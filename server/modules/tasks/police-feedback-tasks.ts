import { unreadPoliceFeedback } from '../inquiries/police-feedback.ts';
import { timed, type Loader } from './items.ts';

/**
 * police_feedback: the police have told the municipality what it may know about an inquiry
 * handed to them (issue 14 part 8) — for the municipality's coordinators until one of them marks
 * it read on the inquiry's page. Due when it arrived (never overdue); the task opens the inquiry.
 */
export const policeFeedbackTasks: Loader = async ({ db, user }) =>
  (await unreadPoliceFeedback(db, user)).map((f) =>
    timed('police_feedback', f.id, f.sentAt, false, {
      inquiryId: f.inquiryId,
      inquiryReference: f.inquiryReference,
    }),
  );
