import { z } from 'zod';
import {
  AccessDecisionSchema,
  AccessExemptionSchema,
  AccessItemSourceSchema,
  AccessRequestChannelSchema,
  AccessRequestKindSchema,
  AccessRequestStatusSchema,
} from '../../../shared/access-requests.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * The citizen's access request, aktindsigt (issue 13 part 7): request and response shapes (also
 * the OpenAPI document and the web's forms). Which fields a decision needs is checked by the
 * service (review.ts), so a missing reason or exemption is a Danish message on its field.
 */

export const AccessRequestIdParams = z.object({ id: z.uuid() }).strict();
export const AccessItemParams = z.object({ id: z.uuid(), itemId: z.uuid() }).strict();

export const RegisterAccessRequestBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the request already registered. */
    id: z.uuid(),
    kind: AccessRequestKindSchema,
    /** The citizen: a person's id (from the person search or the access report) … */
    personId: z.uuid().optional(),
    /** … or the CPR number, in the body only (never in a URL, never stored with the request). */
    cpr: z.string().trim().max(20).optional(),
    channel: AccessRequestChannelSchema,
    receivedOn: DateOnly,
    /** Left out: computed from the kind (shared/access-requests.ts). */
    deadlineOn: DateOnly.optional(),
  })
  .strict();
export type RegisterAccessRequestBody = z.infer<typeof RegisterAccessRequestBody>;

export const ReviewItemBody = z
  .object({
    decision: AccessDecisionSchema.exclude(['pending']),
    exemption: AccessExemptionSchema.nullable().default(null),
    reason: z.string().trim().max(2000).nullable().default(null),
    /** The lines (0-based) blacked out of a redacted item. */
    redactedLines: z.array(z.number().int().min(0).max(999)).max(1000).default([]),
    version: Version,
  })
  .strict();
export type ReviewItemBody = z.infer<typeof ReviewItemBody>;

export const VersionBody = z.object({ version: Version }).strict();

export const AccessListQuery = z
  .object({
    status: AccessRequestStatusSchema.optional(),
    kind: AccessRequestKindSchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type AccessListQuery = z.infer<typeof AccessListQuery>;

const Someone = z.object({ id: z.uuid(), name: z.string() });

export const AccessItemLineSchema = z.object({ label: z.string(), value: z.string() });
export type AccessItemLine = z.infer<typeof AccessItemLineSchema>;

export const AccessItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  source: AccessItemSourceSchema,
  title: z.string(),
  lines: z.array(AccessItemLineSchema),
  decision: AccessDecisionSchema,
  exemption: AccessExemptionSchema.nullable(),
  reason: z.string().nullable(),
  redactedLines: z.array(z.number().int()),
  decidedBy: Someone.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type AccessItem = z.infer<typeof AccessItemSchema>;

export const AccessAbilitiesSchema = z.object({
  review: z.boolean(),
  approve: z.boolean(),
  release: z.boolean(),
  download: z.boolean(),
});

export const AccessRequestSummarySchema = z.object({
  id: z.uuid(),
  kind: AccessRequestKindSchema,
  status: AccessRequestStatusSchema,
  person: z.object({ id: z.uuid(), name: z.string(), birthDate: z.iso.date().nullable() }),
  channel: AccessRequestChannelSchema,
  receivedOn: z.iso.date(),
  deadlineOn: z.iso.date(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type AccessRequestSummary = z.infer<typeof AccessRequestSummarySchema>;

export const AccessRequestSchema = AccessRequestSummarySchema.extend({
  registeredBy: Someone,
  registeredAt: z.iso.datetime(),
  approvedBy: Someone.nullable(),
  approvedAt: z.iso.datetime().nullable(),
  releasedBy: Someone.nullable(),
  releasedAt: z.iso.datetime().nullable(),
  items: z.array(AccessItemSchema),
  abilities: AccessAbilitiesSchema,
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;

export const AccessRequestPageSchema = z.object({
  items: z.array(AccessRequestSummarySchema),
  nextCursor: z.string().nullable(),
});
export type AccessRequestPage = z.infer<typeof AccessRequestPageSchema>;
