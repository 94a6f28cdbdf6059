import { z } from 'zod';
import { InquiryAbilitiesSchema } from '../../access/inquiry-abilities.ts';
import { compartment, record } from '../../access/compartment.ts';
import {
  BackdateReasonSchema,
  InquiryStatusSchema,
  SeriousnessSchema,
  SubjectKindSchema,
} from '../../../shared/values.ts';
import { DecisionSchema } from './schema-decision.ts';
import { ChildReportSchema } from './schema-child-report.ts';
import {
  ChannelSchema,
  ConcernSignSchema,
  LegalBasisSchema,
  RelationSchema,
  SourceSchema,
} from './schema.ts';
import { SIGN_TIERS } from './signs.ts';

/**
 * Response shapes of the inquiries module, shared with the web app: the inbox, the inquiry as
 * the caller may see it (its compartment — the concern itself — only with need-to-know, and the
 * abilities the access module computed), and its chronology.
 */
/** The housing area an identification form (tool 4a or 4b) came from (issue 16). */
export const InquiryAreaSchema = z
  .object({ name: z.string(), tool: z.enum(['4a', '4b']).nullable() })
  .nullable()
  .optional();

export const InboxItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: InquiryStatusSchema,
  seriousness: SeriousnessSchema.nullable(),
  urgent: z.boolean(),
  immediateDanger: z.boolean(),
  source: SourceSchema,
  receivedAt: z.iso.datetime(),
  /** When it was recorded here; a back-dated one (`backdateReason`) was received long before. */
  registeredAt: z.iso.datetime(),
  backdateReason: BackdateReasonSchema.nullable(),
  deadlineAt: z.iso.datetime(),
  overdue: z.boolean(),
  subjectKind: SubjectKindSchema,
  /** The first person's name, and how many more. */
  firstPersonName: z.string().nullable(),
  otherPersons: z.number().int(),
  forumName: z.string().nullable(),
  housingArea: InquiryAreaSchema,
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
    /** When it was recorded here, and why a receipt long before that was recorded later. */
    registeredAt: z.iso.datetime(),
    backdateReason: BackdateReasonSchema.nullable(),
    backdateNote: z.string().nullable(),
    subjectKind: SubjectKindSchema,
    groupDescription: z.string().nullable(),
    immediateDanger: z.boolean(),
    urgent: z.boolean(),
    seriousness: SeriousnessSchema.nullable(),
    deadlineAt: z.iso.datetime(),
    overdue: z.boolean(),
    forum: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    housingArea: InquiryAreaSchema,
    recordedBy: z.string(),
    recordedUnitName: z.string().nullable(),
    persons: z.array(InquiryPersonSchema),
    abilities: InquiryAbilitiesSchema,
    /** Server time, so the web app shows the time left without trusting the PC's clock. */
    now: z.iso.datetime(),
    /** Set when the municipality requires a second coordinator's approval (model 3). */
    fourEyes: z.boolean(),
    /** A report about a child under Barnets lov (underretning): its mark and its two deadlines. */
    childReport: ChildReportSchema,
    // Compartment: the concern itself.
    /** The note of the assessment of immediate help (about the child's situation). */
    immediateHelpNote: compartment(z.string().nullable()),
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
