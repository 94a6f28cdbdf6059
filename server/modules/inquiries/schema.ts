import { z } from 'zod';
import { DateOnly, DateTime, Int4, Version } from '../../platform/primitives.ts';
import { compartment, record } from '../../access/compartment.ts';
import { ExtremismFormSchema } from '../cases/schema.ts';
import { SIGN_CODES, SIGN_TIERS } from './signs.ts';

/**
 * Request and response shapes of the inquiries module, shared with the web app. An inquiry
 * (bekymringshenvendelse) is not a case: it is recorded, triaged against a deadline, assessed and
 * decided; only a decision "radicalisation concern" opens a case.
 */
export const ConcernSignSchema = z.enum(SIGN_CODES);

export const InquiryIdParams = z.object({ id: z.uuid() }).strict();

export const INQUIRY_STATUSES = ['received', 'triaged', 'awaiting_approval', 'decided'] as const;
export const InquiryStatusSchema = z.enum(INQUIRY_STATUSES);
export const SOURCES = [
  'relative',
  'friend',
  'mentor',
  'housing_social_worker',
  'teacher',
  'social_worker',
  'police',
  'other_municipality',
  'national_hotline',
  'self',
  'anonymous',
  'other',
] as const;
export const SourceSchema = z.enum(SOURCES);
export const ChannelSchema = z.enum(['phone', 'email', 'meeting', 'hotline', 'letter']);
export const SubjectKindSchema = z.enum(['person', 'persons', 'group', 'family']);
export const SeriousnessSchema = z.enum(['high', 'medium', 'low']);
export const RelationSchema = z.enum([
  'parent',
  'child',
  'sibling',
  'younger_sibling',
  'spouse',
  'friend',
  'other',
]);
export const OutcomeSchema = z.enum(['no_concern', 'other_concern', 'radicalisation', 'police']);
export const LegalBasisSchema = z.enum([
  'rpl_115',
  'rpl_115a',
  'value_leap',
  'consent',
  'serviceloven',
  'other',
]);
export const AgeGroupSchema = z.enum(['under_18', 'adult', 'unknown']);
export const DecisionStatusSchema = z.enum(['pending', 'final', 'rejected', 'superseded']);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

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
    observation: text(10_000),
    subjectKind: SubjectKindSchema,
    groupDescription: optionalText(500),
    persons: z.array(InquiryPersonInput).max(20).default([]),
    signs: z.array(SignInput).max(30).default([]),
    immediateDanger: z.boolean().default(false),
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

export const ClassificationSchema = z
  .object({
    extremismForm: ExtremismFormSchema.nullable().default(null),
    extremismFormOther: optionalText(200),
    authorityArea: z.enum(['inside', 'outside']).nullable().default(null),
    primaryConcern: z.boolean().nullable().default(null),
    subjectKind: SubjectKindSchema,
    environment: z.enum(['physical', 'online', 'both']).nullable().default(null),
  })
  .strict();

export const DecisionBody = z
  .object({
    version: Version,
    outcome: OutcomeSchema,
    reason: text(4000),
    referredUnitId: z.uuid().nullable().default(null),
    passedOn: optionalText(2000),
    policeHandedAt: DateTime.nullable().default(null),
    policeRecipient: optionalText(200),
    municipalityKeeps: optionalText(2000),
    classification: ClassificationSchema,
  })
  .strict();
export type Decision = z.infer<typeof DecisionBody>;

export const ReviewBody = z
  .object({ version: Version, approve: z.boolean(), comment: optionalText(2000) })
  .strict();

export const ReopenBody = z.object({ version: Version, reason: text(2000) }).strict();

export const InboxQuery = z
  .object({
    status: z.enum(['open', ...INQUIRY_STATUSES, 'all']).default('open'),
    seriousness: z.enum(['high', 'medium', 'low', 'untriaged']).optional(),
    source: SourceSchema.optional(),
    unitId: z.uuid().optional(),
    overdue: z.enum(['true', 'false']).optional(),
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional()
      .describe('Keyset cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type InboxFilter = z.infer<typeof InboxQuery>;

export const InboxItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: InquiryStatusSchema,
  seriousness: SeriousnessSchema.nullable(),
  urgent: z.boolean(),
  immediateDanger: z.boolean(),
  source: SourceSchema,
  receivedAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  overdue: z.boolean(),
  subjectKind: SubjectKindSchema,
  /** The first person's name, and how many more. */
  firstPersonName: z.string().nullable(),
  otherPersons: z.number().int(),
  forumName: z.string().nullable(),
});

export const InboxSchema = z.object({
  items: z.array(InboxItemSchema),
  nextCursor: z.string().nullable(),
  /** Server time, so the web app shows the time left without trusting the PC's clock. */
  now: z.iso.datetime(),
});

export const InquiryPersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  birthDate: z.iso.date().nullable(),
  cprMasked: z.string().nullable(),
  relationToFirst: RelationSchema.nullable(),
  /**
   * The caller may open the person's record: through a case, or through this inquiry while it is
   * being assessed. A decided inquiry no longer opens it.
   */
  mayOpen: z.boolean(),
});

export const ContributionSchema = z.object({
  id: z.uuid(),
  authorName: z.string(),
  unitName: z.string().nullable(),
  legalBasis: LegalBasisSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
});

export const DecisionSchema = z.object({
  id: z.uuid(),
  outcome: OutcomeSchema,
  reason: z.string(),
  status: DecisionStatusSchema,
  referredUnitName: z.string().nullable(),
  passedOn: z.string().nullable(),
  policeHandedAt: z.iso.datetime().nullable(),
  policeRecipient: z.string().nullable(),
  municipalityKeeps: z.string().nullable(),
  ageGroup: AgeGroupSchema,
  classification: z.object({
    extremismForm: ExtremismFormSchema.nullable(),
    extremismFormOther: z.string().nullable(),
    authorityArea: z.enum(['inside', 'outside']).nullable(),
    primaryConcern: z.boolean().nullable(),
    subjectKind: SubjectKindSchema,
    environment: z.enum(['physical', 'online', 'both']).nullable(),
  }),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewComment: z.string().nullable(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
});

export const InquiryAbilitiesSchema = z.object({
  edit: z.boolean(),
  triage: z.boolean(),
  contribute: z.boolean(),
  decide: z.boolean(),
  review: z.boolean(),
  reopen: z.boolean(),
});

export const InquiryDetailSchema = record(
  'inquiry',
  z.object({
    id: z.uuid(),
    reference: z.string(),
    status: InquiryStatusSchema,
    version: z.number().int(),
    source: SourceSchema,
    sourceOther: z.string().nullable(),
    channel: ChannelSchema,
    reporter: z.object({
      anonymous: z.boolean(),
      name: z.string().nullable(),
      contact: z.string().nullable(),
    }),
    receivedAt: z.iso.datetime(),
    subjectKind: SubjectKindSchema,
    groupDescription: z.string().nullable(),
    immediateDanger: z.boolean(),
    urgent: z.boolean(),
    seriousness: SeriousnessSchema.nullable(),
    deadlineAt: z.iso.datetime(),
    overdue: z.boolean(),
    forum: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    recordedBy: z.string(),
    recordedUnitName: z.string().nullable(),
    persons: z.array(InquiryPersonSchema),
    abilities: InquiryAbilitiesSchema,
    /** Server time, so the web app shows the time left without trusting the PC's clock. */
    now: z.iso.datetime(),
    /** Set when the municipality requires a second coordinator's approval (model 3). */
    fourEyes: z.boolean(),
    // Compartment: the concern itself.
    observation: compartment(z.string()),
    signs: compartment(
      z.array(
        z.object({
          code: ConcernSignSchema,
          tier: z.enum(SIGN_TIERS),
          note: z.string().nullable(),
        }),
      ),
    ),
    contributions: compartment(z.array(ContributionSchema)),
    decisions: compartment(z.array(DecisionSchema)),
  }),
);
export type InquiryDetail = z.infer<typeof InquiryDetailSchema>;

export const InquiryEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorName: z.string().nullable(),
  kind: z.string(),
  /** Field → { from, to } for edits; ids and codes for the other kinds. */
  changes: z.record(z.string(), z.unknown()),
});

export const InquiryHistorySchema = record(
  'inquiry',
  z.object({ id: z.uuid(), events: compartment(z.array(InquiryEventSchema)) }),
);

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
  })
  .strict();
