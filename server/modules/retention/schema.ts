import { z } from 'zod';
import {
  DueStatusSchema,
  RecordKindSchema,
  RetentionKindSchema,
} from '../../../shared/retention.ts';
import { DateOnly, DateTime, INT4_MAX } from '../../platform/primitives.ts';

/** Request and response schemas of retention (docs/RETENTION.md); shared with the web app. */

export const RetentionPeriodSchema = z.object({
  kind: RetentionKindSchema,
  months: z.number().int(),
  minimumMonths: z.number().int(),
  /** Where the period is counted from. */
  countedFrom: z.enum(['decision', 'closure', 'last_review', 'access_end', 'consent_end', 'entry']),
  /** The product's default (months), for comparison. */
  defaultMonths: z.number().int(),
  confirmed: z.boolean(),
  /** 0 while the municipality is on the product's default. */
  version: z.number().int().min(0),
});
export type RetentionPeriod = z.infer<typeof RetentionPeriodSchema>;
export const RetentionPeriodsSchema = z.object({ items: z.array(RetentionPeriodSchema) });

export const RetentionKindParams = z.object({ kind: RetentionKindSchema }).strict();

export const UpdateRetentionPeriodBody = z
  .object({
    months: z.number().int().min(1).max(1200),
    minimumMonths: z.number().int().min(0).max(1200),
    confirmed: z.boolean(),
    version: z.number().int().min(0).max(INT4_MAX),
  })
  .strict();
export type UpdateRetentionPeriod = z.infer<typeof UpdateRetentionPeriodBody>;

/** A record whose period has ended, and what the next run does with it. */
export const DueRecordSchema = z.object({
  recordKind: RecordKindSchema,
  recordId: z.uuid(),
  reference: z.string(),
  /** Null when no retention rule covers the record (status `no_period`). */
  retentionKind: RetentionKindSchema.nullable(),
  /** The day the period is counted from, and the day it ended (null: no period). */
  countedFrom: DateOnly,
  periodEnded: DateOnly.nullable(),
  months: z.number().int().nullable(),
  status: DueStatusSchema,
  /** The export that delivered it to the archive, if taken. */
  exportId: z.uuid().nullable(),
  exportedAt: DateTime.nullable(),
});
export type DueRecord = z.infer<typeof DueRecordSchema>;
export const DryRunSchema = z.object({
  items: z.array(DueRecordSchema),
  /** The audit trail: entries the next run would prune (older than the period), per chain. */
  auditEntries: z.number().int(),
});

export const LegalHoldSchema = z.object({
  id: z.uuid(),
  recordKind: RecordKindSchema,
  recordId: z.uuid(),
  reference: z.string(),
  reason: z.string(),
  placedAt: DateTime,
  liftedAt: DateTime.nullable(),
  liftReason: z.string().nullable(),
  version: z.number().int(),
});
export const LegalHoldsSchema = z.object({ items: z.array(LegalHoldSchema) });

const Reason = z.string().trim().min(1).max(1000);

export const PlaceLegalHoldBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the hold already there. */
    id: z.uuid(),
    recordKind: RecordKindSchema,
    recordId: z.uuid(),
    reason: Reason,
  })
  .strict();
export type PlaceLegalHold = z.infer<typeof PlaceLegalHoldBody>;

export const LegalHoldParams = z.object({ id: z.uuid() }).strict();
export const LiftLegalHoldBody = z
  .object({ reason: Reason, version: z.number().int().min(1).max(INT4_MAX) })
  .strict();

export const ArchiveExportSchema = z.object({
  id: z.uuid(),
  takenAt: DateTime,
  packageName: z.string(),
  indexSha256: z.string(),
  recordCount: z.number().int(),
});
export const ArchiveExportsSchema = z.object({ items: z.array(ArchiveExportSchema) });
export const TakeExportBody = z.object({ id: z.uuid() }).strict();

export const DeleteRecordBody = z
  .object({ recordKind: RecordKindSchema, recordId: z.uuid() })
  .strict();
export const DeleteResultSchema = z.object({ deleted: z.number().int() });
