import { z } from 'zod';
import type { DataCategory } from './sharing.ts';

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

/**
 * The data categories (shared/sharing.ts) a transfer discloses: always the case's history (that
 * there is a case, its work summary when copied), and the identity when the persons are copied.
 * The disclosure register's entry and the consent that must cover a consent-based transfer use
 * the same list.
 */
export function transferCategories(parts: readonly TransferPart[]): DataCategory[] {
  return parts.includes('identity') ? ['identity', 'case_history'] : ['case_history'];
}

/** Where a case transfer stands. */
export const TransferStatusSchema = z.enum(['proposed', 'accepted', 'declined']);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export const TRANSFER_STATUSES = TransferStatusSchema.options;
