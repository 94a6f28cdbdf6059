import { z } from 'zod';
import { backdateFields } from '../../platform/backdating.ts';
import {
  INQUIRY_STATUSES,
  SERIOUSNESS_LEVELS,
  SeriousnessSchema,
  SourceSchema,
  SubjectKindSchema,
} from '../../../shared/values.ts';
import { DateOnly, DateTime, Int4, QueryFlag, Version } from '../../platform/primitives.ts';
import { SIGN_CODES } from './signs.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { FilingSettingsBody, FilingSettingsSchema } from '../filing/schema.ts';
import { OrganisationSettingsBody, OrganisationSettingsSchema } from './schema-organisation.ts';

/**
 * Request shapes of the inquiries module (and the receipt), shared with the web app, which
 * validates its forms with them. An inquiry (bekymringshenvendelse) is not a case: it is
 * recorded, triaged against a deadline, assessed and decided; only a decision "radicalisation
 * concern" opens a case. The responses are in schema-detail.ts, the decision in
 * schema-decision.ts; value lists shared with other modules are in shared/values.ts.
 */
export const ConcernSignSchema = z.enum(SIGN_CODES);

export const InquiryIdParams = z.object({ id: z.uuid() }).strict();

/** The sources are one list with the web's labels (shared/values.ts). */
export { SOURCES, SourceSchema, type Source } from '../../../shared/values.ts';
export const ChannelSchema = z.enum(['phone', 'email', 'meeting', 'hotline', 'letter']);
export const RelationSchema = z.enum([
  'parent',
  'child',
  'sibling',
  'younger_sibling',
  'spouse',
  'friend',
  'other',
]);
export const LegalBasisSchema = z.enum([
  'rpl_115',
  'rpl_115a',
  'value_leap',
  'consent',
  'serviceloven',
  'other',
]);

export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A new person recorded with the inquiry. The CPR number is optional and checked as a date. */
export const NewPersonSchema = z
  .object({
    givenName: text(100),
    familyName: text(100),
    birthDate: DateOnly.nullable().default(null),
    cpr: z
      .string()
      .trim()
      .regex(/^[0-9]{6}-?[0-9]{4}$/)
      .nullable()
      .default(null),
    address: optionalText(300),
    phone: optionalText(40),
  })
  .strict();

/** A person of the inquiry: an existing one (found as a possible duplicate) or a new one. */
export const InquiryPersonInput = z
  .object({
    existingPersonId: z.uuid().optional(),
    new: NewPersonSchema.optional(),
    /** This person is the first person's <relation> (e.g. the father of the boy). */
    relationToFirst: RelationSchema.nullable().default(null),
  })
  .strict();

export const SignInput = z.object({ code: ConcernSignSchema, note: optionalText(1000) }).strict();

export const ReporterSchema = z
  .object({
    anonymous: z.boolean().default(false),
    name: optionalText(200),
    contact: optionalText(200),
  })
  .strict();

export const CreateInquiryBody = z
  .object({
    source: SourceSchema,
    sourceOther: optionalText(200),
    channel: ChannelSchema,
    reporter: ReporterSchema,
    receivedAt: DateTime,
    /** Received more than a day before it is registered: why it is recorded now (issue 12). */
    ...backdateFields,
    observation: text(10_000),
    subjectKind: SubjectKindSchema,
    groupDescription: optionalText(500),
    persons: z.array(InquiryPersonInput).max(20).default([]),
    signs: z.array(SignInput).max(30).default([]),
    immediateDanger: z.boolean().default(false),
    /**
     * "Underretning efter Barnets lov": a professional's report about a child, marked in the same
     * request (the same rule as marking it afterwards: child-report.ts, childReportProblem).
     */
    childReport: z.boolean().default(false),
    /** The server-side draft this was written in; deleted when the inquiry is stored. */
    draftId: z.uuid().nullable().default(null),
  })
  .strict();
export type CreateInquiry = z.infer<typeof CreateInquiryBody>;

/** What the person who recorded the inquiry gets back: a receipt, not the inquiry. */
export const InquiryReceiptSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  urgent: z.boolean(),
  /** Show how to reach the police now (a serious sign, or immediate danger). */
  policeAdvice: z.boolean(),
  deadlineAt: z.iso.datetime(),
  /** Whether the recorder may open the inquiry (coordinators and the handling forum only). */
  canOpen: z.boolean(),
});

export const UpdateInquiryBody = z
  .object({
    version: Version,
    source: SourceSchema.optional(),
    sourceOther: optionalText(200).optional(),
    channel: ChannelSchema.optional(),
    reporter: ReporterSchema.optional(),
    receivedAt: DateTime.optional(),
    ...backdateFields,
    observation: text(10_000).optional(),
    subjectKind: SubjectKindSchema.optional(),
    groupDescription: optionalText(500).optional(),
    immediateDanger: z.boolean().optional(),
    signs: z.array(SignInput).max(30).optional(),
    forumId: z.uuid().nullable().optional(),
  })
  .strict();
export type UpdateInquiry = z.infer<typeof UpdateInquiryBody>;

export const TriageBody = z.object({ version: Version, seriousness: SeriousnessSchema }).strict();

export const ContributionBody = z
  .object({
    body: text(10_000),
    legalBasis: LegalBasisSchema.default('rpl_115'),
    unitId: z.uuid().nullable().default(null),
  })
  .strict();

/** The inbox's status filter: the open ones, one status, or all. */
export const InboxStatusSchema = z.enum(['open', ...INQUIRY_STATUSES, 'all']);
/** The inbox's seriousness filter: one level, or those not yet triaged. */
export const SeriousnessFilterSchema = z.enum([...SERIOUSNESS_LEVELS, 'untriaged']);

export const InboxQuery = z
  .object({
    status: InboxStatusSchema.default('open'),
    seriousness: SeriousnessFilterSchema.optional(),
    source: SourceSchema.optional(),
    unitId: z.uuid().optional(),
    overdue: QueryFlag.optional(),
    channel: ChannelSchema.optional(),
    /** The start of a reference (H-2026-00…): not personal data, so it may be in the address. */
    reference: z.string().trim().min(1).max(30).optional(),
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type InboxFilter = z.infer<typeof InboxQuery>;

/**
 * The inbox searched by one text (POST: a name or CPR number never goes in a URL), with the
 * inbox's filters: ten digits are a CPR number (exact; anything else of digits only is refused),
 * a text with a digit the start of a reference, any other a person's name (every word).
 */
export const InboxSearchBody = InboxQuery.omit({ reference: true })
  .extend({ text: z.string().trim().min(1).max(100) })
  .strict();
export type InboxSearch = z.infer<typeof InboxSearchBody>;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/)
    .describe('A new random key per inquiry; a retry with the same key returns the same receipt'),
});

export const DraftSchema = z.object({
  id: z.uuid(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  /** The form's state as the web app saved it (encrypted at rest). */
  content: z.record(z.string(), z.unknown()),
});

export const SaveDraftBody = z
  .object({
    version: Int4.min(0).describe('0 for a new draft'),
    content: z.record(z.string(), z.unknown()),
  })
  .strict();

export const SettingsSchema = z.object({
  deadlineHours: z.object({
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
  }),
  triageBy: z.enum(['coordinator', 'forum']),
  fourEyes: z.boolean(),
  noConcernRetentionDays: z.number().int(),
  reminderHours: z.number().int(),
  planApproval: z.enum(['coordinator', 'steering_group']),
  caseStartDays: z.number().int(),
  closureFourEyes: z.boolean(),
  ...FilingSettingsSchema.shape,
  ...OrganisationSettingsSchema.shape,
  version: z.number().int(),
});

export const UpdateSettingsBody = z
  .object({
    version: Int4.min(0),
    deadlineHours: z
      .object({
        high: z.number().int().min(1).max(720),
        medium: z.number().int().min(1).max(720),
        low: z.number().int().min(1).max(720),
      })
      .strict()
      .optional(),
    triageBy: z.enum(['coordinator', 'forum']).optional(),
    fourEyes: z.boolean().optional(),
    noConcernRetentionDays: z.number().int().min(1).max(3650).optional(),
    reminderHours: z.number().int().min(1).max(48).optional(),
    planApproval: z.enum(['coordinator', 'steering_group']).optional(),
    caseStartDays: z.number().int().min(1).max(365).optional(),
    closureFourEyes: z.boolean().optional(),
    ...FilingSettingsBody.partial().shape,
    ...OrganisationSettingsBody.partial().shape,
  })
  .strict();
