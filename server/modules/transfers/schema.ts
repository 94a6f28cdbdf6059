import { z } from 'zod';
import { TransferPartSchema, TransferStatusSchema } from '../../../shared/transfers.ts';
import { ForwardingAbilitiesSchema } from '../../access/transfer-access.ts';
import { Version } from '../../platform/primitives.ts';
import { LegalBasisKeySchema } from '../sharing/schema.ts';

/**
 * Across municipalities (issue 13 part 5, docs/TRANSFERS.md): request and response shapes (also
 * the OpenAPI document and the web's forms). A municipality that is unknown or the caller's own,
 * a basis that does not fit and a decline without a reason are refused by the service on their
 * field with a Danish message, so the schema lets them through.
 */
const MunicipalityCode = z.string().trim().min(1).max(10);
const Reason = z.string().trim().max(2000);

export const ForwardInquiryBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the forwarding already made. */
    id: z.uuid(),
    toMunicipalityCode: MunicipalityCode,
    /** Why the inquiry belongs there (optional; the receiving municipality sees it). */
    reason: Reason.nullable().default(null),
    /** The inquiry's version the caller saw (optimistic locking). */
    version: Version,
  })
  .strict();
export type ForwardInquiryBody = z.infer<typeof ForwardInquiryBody>;

export const MunicipalityRefSchema = z.object({ code: z.string(), name: z.string() });

export const ForwardingSchema = z.object({
  /** sent: this inquiry was forwarded; received: this inquiry is a copy forwarded here. */
  direction: z.enum(['sent', 'received']),
  /** The other municipality: where it was sent, or where it came from. */
  municipality: MunicipalityRefSchema,
  forwardedAt: z.iso.datetime(),
  reason: z.string().nullable(),
});
export type Forwarding = z.infer<typeof ForwardingSchema>;

export const InquiryForwardingSchema = z.object({
  sent: ForwardingSchema.nullable(),
  received: ForwardingSchema.nullable(),
  /** The inquiry's version, which a forwarding is based on (optimistic locking). */
  version: z.number().int(),
  abilities: ForwardingAbilitiesSchema,
});
export type InquiryForwarding = z.infer<typeof InquiryForwardingSchema>;

export const ProposeTransferBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the transfer already proposed. */
    id: z.uuid(),
    toMunicipalityCode: MunicipalityCode,
    /** Why (e.g. the citizen moves there); the receiving municipality sees it. */
    reason: Reason.min(1),
    legalBasis: LegalBasisKeySchema,
    /** What is copied on acceptance (never the compartment). */
    parts: z.array(TransferPartSchema).min(1).max(2),
    /**
     * The case's consent the transfer relies on, when the basis requires consent (it must cover
     * a single disclosure to another municipality of what is copied); ignored otherwise.
     */
    consentId: z.uuid().optional(),
  })
  .strict();
export type ProposeTransferBody = z.infer<typeof ProposeTransferBody>;

export const AcceptTransferBody = z.object({ version: Version }).strict();
export const DeclineTransferBody = z
  .object({ version: Version, reason: Reason.nullable().default(null) })
  .strict();
export type DeclineTransferBody = z.infer<typeof DeclineTransferBody>;

export const TransferIdParams = z.object({ id: z.uuid() }).strict();

/**
 * A case transfer. The receiving municipality sees its neutral facts only: the sending
 * municipality, the days, the reason, the basis and what is copied, never the sending case.
 */
export const TransferSchema = z.object({
  id: z.uuid(),
  status: TransferStatusSchema,
  from: MunicipalityRefSchema,
  to: MunicipalityRefSchema,
  reason: z.string(),
  legalBasis: z.string(),
  parts: z.array(TransferPartSchema),
  proposedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  declineReason: z.string().nullable(),
  /** The receiving municipality's copy: only to the receiver, once accepted. */
  receivedCaseId: z.uuid().nullable(),
  version: z.number().int(),
});
export type Transfer = z.infer<typeof TransferSchema>;

export const TransferListSchema = z.object({ items: z.array(TransferSchema) });
export type TransferList = z.infer<typeof TransferListSchema>;

export const IncomingQuery = z.object({ status: TransferStatusSchema.optional() }).strict();
