import { z } from 'zod';

/**
 * Value lists of retention (issue 13 part 6, docs/RETENTION.md): the kinds of record that have a
 * retention period of their own, and what the dry-run says about a record whose period has ended.
 * Defined once here; server and web import them, the web labels them under `retention.*`.
 */
export const RetentionKindSchema = z.enum([
  'inquiry_no_concern',
  'inquiry_referred',
  'case_closed',
  'case_reviewed',
  'partner_access',
  'consent',
  'audit_trail',
]);
export type RetentionKind = z.infer<typeof RetentionKindSchema>;
export const RETENTION_KINDS = RetentionKindSchema.options;

/** The kinds of record the daily job deletes itself (the others go with their case). */
export const RecordKindSchema = z.enum(['case', 'inquiry']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

/**
 * Why a record whose period has ended is, or is not, deleted by the next run: deleted; waiting
 * for the archive's export; the period not yet confirmed by the municipality; a legal hold; a
 * person it names has an access request not yet answered; or a finished record no retention
 * rule covers (listed so it is seen, never deleted).
 */
export const DueStatusSchema = z.enum([
  'will_delete',
  'needs_export',
  'period_unconfirmed',
  'legal_hold',
  'access_request_open',
  'no_period',
]);
export type DueStatus = z.infer<typeof DueStatusSchema>;
