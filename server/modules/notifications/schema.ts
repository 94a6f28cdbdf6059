import { z } from 'zod';
import { NotificationKindSchema } from '../../../shared/values.ts';

/**
 * The caller's own in-app notifications, newest first. The web app renders the text from `kind`;
 * a notification names a case or an inquiry by its reference only (never a person), and only
 * while the caller may still see that record (need-to-know, as in every list).
 */
export const NotificationSchema = z.object({
  id: z.uuid(),
  /** One of the kinds in shared/values.ts; a notice stored under an earlier kind keeps its word. */
  kind: z.union([NotificationKindSchema, z.string()]),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /** The case a case-work notification is about (to link to it), while the caller may see it. */
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Inquiry notifications (deadline soon, overdue): the inquiry and its current deadline. */
  inquiryId: z.uuid().nullable(),
  inquiryReference: z.string().nullable(),
  inquiryDeadlineAt: z.iso.datetime().nullable(),
});

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationIdParams = z.object({ id: z.uuid() }).strict();
