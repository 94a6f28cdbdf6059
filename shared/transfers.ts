import { z } from 'zod';

/**
 * Value lists of the work across municipalities (issue 13 part 5, docs/TRANSFERS.md), defined
 * once for server and web; the web labels them under `transfers.*`.
 */

/**
 * What a case transfer copies to the receiving municipality. The concern itself (the
 * compartment: the form of extremism, the concern summary, the assessment) is never copied: the
 * receiving coordinator makes their own assessment, and the summary PDF read for the transfer
 * leaves the compartment out.
 * - identity: the persons' identifying facts (name, birth date, CPR number, address, phone);
 * - work_summary: the case's neutral work summary;
 * - plan: the approved plan's goals, as text in the copy's work summary;
 * - summary_pdf: the case summary (without the compartment), named in the disclosure entry.
 */
export const TransferPartSchema = z.enum(['identity', 'work_summary', 'plan', 'summary_pdf']);
export type TransferPart = z.infer<typeof TransferPartSchema>;
export const TRANSFER_PARTS = TransferPartSchema.options;

/** Where a case transfer stands. */
export const TransferStatusSchema = z.enum(['proposed', 'accepted', 'declined']);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export const TRANSFER_STATUSES = TransferStatusSchema.options;
