import { z } from 'zod';
import {
  AgeGroupSchema,
  AuthorityAreaSchema,
  BackdateReasonSchema,
  EnvironmentSchema,
  ExtremismFormSchema,
  InquiryOutcomeSchema,
  SubjectKindSchema,
} from '../../../shared/values.ts';
import { backdateFields } from '../../platform/backdating.ts';
import { DateOnly, DateTime, Version } from '../../platform/primitives.ts';
import { optionalText, text } from './schema.ts';

/**
 * The decision that ends an inquiry's initial assessment: what the coordinator sends (decide,
 * review a decision waiting for a second coordinator, reopen) and what the inquiry shows of its
 * decisions. Shared with the web app, which validates its forms with them.
 */
export const DecisionStatusSchema = z.enum(['pending', 'final', 'rejected', 'superseded']);

export const ClassificationSchema = z
  .object({
    extremismForm: ExtremismFormSchema.nullable().default(null),
    extremismFormOther: optionalText(200),
    authorityArea: AuthorityAreaSchema.nullable().default(null),
    primaryConcern: z.boolean().nullable().default(null),
    subjectKind: SubjectKindSchema,
    environment: EnvironmentSchema.nullable().default(null),
  })
  .strict();

export const DecisionBody = z
  .object({
    version: Version,
    outcome: InquiryOutcomeSchema,
    reason: text(4000),
    referredUnitId: z.uuid().nullable().default(null),
    passedOn: optionalText(2000),
    policeHandedAt: DateTime.nullable().default(null),
    policeRecipient: optionalText(200),
    municipalityKeeps: optionalText(2000),
    classification: ClassificationSchema,
    /** The day the decision was taken, when earlier than today (with a reason); null: today. */
    decidedOn: DateOnly.nullable().optional(),
    ...backdateFields,
  })
  .strict();
export type Decision = z.infer<typeof DecisionBody>;

export const ReviewBody = z
  .object({ version: Version, approve: z.boolean(), comment: optionalText(2000) })
  .strict();

export const ReopenBody = z.object({ version: Version, reason: text(2000) }).strict();

export const DecisionSchema = z.object({
  id: z.uuid(),
  outcome: InquiryOutcomeSchema,
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
    authorityArea: AuthorityAreaSchema.nullable(),
    primaryConcern: z.boolean().nullable(),
    subjectKind: SubjectKindSchema,
    environment: EnvironmentSchema.nullable(),
  }),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
  /** The day it was taken when recorded later (decidedAt is when it was recorded). */
  decidedOn: z.iso.date().nullable(),
  backdateReason: BackdateReasonSchema.nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewComment: z.string().nullable(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
});
