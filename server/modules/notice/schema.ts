import { z } from 'zod';
import {
  NoticeExemptionSchema,
  NoticeMethodSchema,
  NoticeOutcomeSchema,
} from '../../../shared/notice.ts';
import { CasePersonRoleSchema } from '../../../shared/values.ts';
import { DateOnly } from '../../platform/primitives.ts';

/**
 * The citizen told (issue 13 part 8): request and response shapes (also the OpenAPI document and
 * the web's form). One flat body for both outcomes; which fields each needs is checked by the
 * service (recording.ts), so a missing one is a Danish message on its field.
 */
export const RecordNoticeBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the notice already recorded. */
    id: z.uuid(),
    outcome: NoticeOutcomeSchema,
    /** The person told: the case's citizen or one of its custody holders (informed only). */
    personId: z.uuid().nullable().default(null),
    method: NoticeMethodSchema.nullable().default(null),
    /** The day the person was told, or the day the exemption was decided. */
    givenOn: DateOnly,
    exemption: NoticeExemptionSchema.nullable().default(null),
    /** Why the exemption applies (required with an exemption). */
    reason: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type RecordNoticeBody = z.infer<typeof RecordNoticeBody>;

export const NoticeSchema = z.object({
  id: z.uuid(),
  outcome: NoticeOutcomeSchema,
  person: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  method: NoticeMethodSchema.nullable(),
  givenOn: z.iso.date(),
  exemption: NoticeExemptionSchema.nullable(),
  reason: z.string().nullable(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }),
  recordedAt: z.iso.datetime(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Who must be told: the citizen and, for a child, the custody holders of the case. */
export const NoticeRecipientSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  role: CasePersonRoleSchema,
  custodyHolder: z.boolean(),
  /** A notice to this person is recorded. */
  told: z.boolean(),
});

export const NoticeListSchema = z.object({
  /** A notice or an exemption is recorded for the case. */
  done: z.boolean(),
  /** The day by which the case's coordinators are reminded (opened + NOTICE_DUE_DAYS). */
  dueOn: z.iso.date(),
  openedOn: z.iso.date(),
  recipients: z.array(NoticeRecipientSchema),
  items: z.array(NoticeSchema),
});
export type NoticeList = z.infer<typeof NoticeListSchema>;

/** The letter's recipient: the case's citizen unless a custody holder is named. */
export const NoticeLetterQuery = z.object({ personId: z.uuid().optional() }).strict();
