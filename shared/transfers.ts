import { z } from 'zod';

/**
 * Value lists of the work across municipalities (issue 13 part 5, docs/TRANSFERS.md), defined
 * once for server and web; the web labels them under `transfers.*`.
 */

/**
 * What a case transfer copies to the receiving municipality (docs/TRANSFERS.md). The concern
 * itself (the compartment: the form of extremism, the concern summary, the classification, the
 * assessments) is never copied: the receiving coordinator makes their own assessment.
 * - identity: the persons' identifying facts (name, birth date, CPR number, address, phone), with
 *   their roles in the case and custody;
 * - work_summary: the case's neutral work summary.
 */
export const TransferPartSchema = z.enum(['identity', 'work_summary']);
export type TransferPart = z.infer<typeof TransferPartSchema>;
export const TRANSFER_PARTS = TransferPartSchema.options;

/** Where a case transfer stands. */
export const TransferStatusSchema = z.enum(['proposed', 'accepted', 'declined']);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export const TRANSFER_STATUSES = TransferStatusSchema.options;
