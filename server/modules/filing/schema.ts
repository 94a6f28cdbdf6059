import { z } from 'zod';
import { CaseStatusSchema, FilingDocumentKindSchema } from '../../../shared/values.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * Journalisation's request and response shapes (also the OpenAPI document and the web's forms):
 * the municipality's filing settings, the filing export of one document, and the case's filings.
 */

/** The filing settings as the municipality's settings answer them. */
export const FilingSettingsSchema = z.object({
  filingKleCode: z.string().nullable(),
  filingKleFacet: z.string().nullable(),
  recordSystemName: z.string().nullable(),
  filingIncludeCpr: z.boolean(),
});

/** The filing settings in a change of the settings (their formats: rules.ts, checked by the service). */
export const FilingSettingsBody = z.object({
  filingKleCode: z.string().trim().max(8).nullable().describe('KLE subject number, e.g. 27.24.00'),
  filingKleFacet: z.string().trim().max(3).nullable().describe('KLE handling facet, e.g. G01'),
  recordSystemName: z.string().trim().min(1).max(40).nullable(),
  filingIncludeCpr: z.boolean(),
});

/** Which document to export (the case summary unless named), and which plan version. */
export const FilingExportQuery = z
  .object({
    document: FilingDocumentKindSchema.default('case-summary'),
    planId: z
      .uuid()
      .optional()
      .describe(
        'With document=plan: the version to export (default: the newest approved, else the newest)',
      ),
  })
  .strict();

/** The format of the export: a JSON document with the PDF inside (docs/CASE_WORK.md). */
export const FILING_FORMAT = 'tovholder-filing/1';

const Party = z.object({
  name: z.string(),
  /** The person's role in the case (a code) and its words in the reader's language. */
  role: z.string(),
  roleLabel: z.string(),
  birthDate: z.iso.date().nullable(),
  /** Only when the municipality's settings say so; null otherwise. */
  cpr: z.string().nullable(),
});

export const FilingExportSchema = z.object({
  format: z.literal(FILING_FORMAT),
  createdAt: z.iso.datetime(),
  recordSystem: z.string().nullable(),
  case: z.object({
    id: z.uuid(),
    reference: z.string(),
    /** A neutral title: never the concern, the legal basis of it or its words. */
    title: z.string(),
    kleCode: z.string().nullable(),
    kleFacet: z.string().nullable(),
    status: CaseStatusSchema,
    openedOn: z.iso.date(),
    closedOn: z.iso.date().nullable(),
    responsibleUnit: z.string().nullable(),
    coordinator: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
  }),
  document: z.object({
    kind: FilingDocumentKindSchema,
    title: z.string(),
    /** Which version: the plan's number, the day the case summary was made. */
    version: z.string(),
    date: z.iso.date(),
    fileName: z.string(),
    mediaType: z.literal('application/pdf'),
    size: z.number().int(),
    sha256: z.string(),
    contentBase64: z.string(),
  }),
  parties: z.array(Party),
});
export type FilingExport = z.infer<typeof FilingExportSchema>;

export const FilingSchema = z.object({
  id: z.uuid(),
  document: FilingDocumentKindSchema,
  documentVersion: z.string(),
  documentDate: z.iso.date(),
  journalNumber: z.string(),
  recordSystem: z.string().nullable(),
  kleCode: z.string().nullable(),
  filedOn: z.iso.date(),
  filedBy: z.object({ id: z.uuid(), name: z.string() }),
  recordedAt: z.iso.datetime(),
  /** Optimistic locking: a correction or withdrawal names the version it saw. */
  version: z.number().int(),
  /** When the journal number or day was last corrected; null if never. */
  correctedAt: z.iso.datetime().nullable(),
  /** A filing recorded in error: kept, marked withdrawn, with who, when and why. */
  withdrawn: z
    .object({
      at: z.iso.datetime(),
      by: z.object({ id: z.uuid(), name: z.string() }),
      reason: z.string(),
    })
    .nullable(),
});
export type Filing = z.infer<typeof FilingSchema>;

/** A document of the case that can be filed now, in one of its versions. */
export const FilableDocumentSchema = z.object({
  kind: FilingDocumentKindSchema,
  version: z.string(),
  date: z.iso.date(),
  /** The plan version's id (the export's `planId`); null for the case summary. */
  planId: z.uuid().nullable(),
});

export const FilingListQuery = z
  .object({
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const FilingListSchema = z.object({
  /** The documents the caller may file now: the summary, then each plan version, newest first. */
  documents: z.array(FilableDocumentSchema),
  recordSystem: z.string().nullable(),
  kleCode: z.string().nullable(),
  items: z.array(FilingSchema),
  nextCursor: z.string().nullable(),
});
export type FilingList = z.infer<typeof FilingListSchema>;

export const RecordFilingBody = z
  .object({
    document: FilingDocumentKindSchema,
    documentVersion: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .describe('The version the export named: the plan number, or the summary day YYYY-MM-DD'),
    journalNumber: z.string().trim().min(1).max(60).describe('As the record system wrote it'),
    filedOn: DateOnly,
  })
  .strict();
export type RecordFilingBody = z.infer<typeof RecordFilingBody>;

/** A filing of the case: the case's id and the filing's. */
export const FilingParams = z.object({ id: z.uuid(), filingId: z.uuid() }).strict();

const Reason = z.string().trim().min(1).max(500);

/** "Ret journalisering": the journal number and day as they should have been, and why. */
export const CorrectFilingBody = z
  .object({
    version: Version,
    journalNumber: RecordFilingBody.shape.journalNumber,
    filedOn: DateOnly,
    reason: Reason.describe('Why the filing is corrected (shown in the chronology)'),
  })
  .strict();
export type CorrectFilingBody = z.infer<typeof CorrectFilingBody>;

/** "Træk journalisering tilbage": a filing recorded in error is marked withdrawn, with why. */
export const WithdrawFilingBody = z
  .object({
    version: Version,
    reason: Reason.describe('Why the filing was recorded in error (shown in the chronology)'),
  })
  .strict();
export type WithdrawFilingBody = z.infer<typeof WithdrawFilingBody>;

/** 201 with the new filing; 200 with the one already there for the same document version. */
export const FilingResponse = FilingSchema;
