import { CaseAbilitiesSchema } from '../../access/case-abilities.ts';
import {
  AgeGroupSchema,
  BackdateReasonSchema,
  AuthorityAreaSchema,
  CasePersonRoleSchema,
  CaseRoleSchema,
  CaseScopeSchema,
  CaseStatusSchema,
  ConcernLevelSchema,
  EnvironmentSchema,
  ExtremismFormSchema,
  SubjectKindSchema,
} from '../../../shared/values.ts';
import { z } from 'zod';
import { PurposeLimitSchema } from '../../../shared/sharing.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { compartment, record } from '../../access/compartment.ts';

/** Request and response shapes of the cases module, shared with the web app. */
export const CaseIdParams = z.object({ id: z.uuid() }).strict();

export { CaseRoleSchema, CaseScopeSchema, CaseStatusSchema };
export const PersonRoleSchema = CasePersonRoleSchema;
/** The classification from the inquiry decision (editable on the case, with history). */
export {
  ExtremismFormSchema,
  AuthorityAreaSchema,
  EnvironmentSchema,
  AgeGroupSchema as CaseAgeGroupSchema,
  SubjectKindSchema as CaseSubjectKindSchema,
};
/** The professionals' current concern level. */
export const CaseConcernLevelSchema = ConcernLevelSchema;

/** The caller's own access to the record, so the web app can explain what it shows. */
export const AccessSchema = z.object({
  role: CaseRoleSchema.nullable(),
  scope: CaseScopeSchema,
  compartment: z.boolean(),
  breakGlass: z.boolean(),
  breakGlassUntil: z.iso.datetime().nullable(),
  /**
   * The purpose the caller may use the case's information for, when the law binds it
   * (`crime_prevention_115`: a police user, retsplejeloven § 115); null for the municipality's own.
   */
  purposeLimit: PurposeLimitSchema.nullable(),
});

export { CaseListItem, CaseListQuery, CaseListSchema, CaseSearchBody } from './overview-schema.ts';

export const CasePersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  birthDate: z.iso.date().nullable(),
  role: PersonRoleSchema,
  /** A parent who holds custody (forældremyndighed) of the child the case is about. */
  custodyHolder: z.boolean(),
});

export const CaseMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: CaseRoleSchema,
  scope: CaseScopeSchema,
  unitName: z.string().nullable(),
});

export const CaseDetailSchema = record(
  'case',
  z.object({
    id: z.uuid(),
    reference: z.string(),
    status: CaseStatusSchema,
    openedAt: z.iso.datetime(),
    version: z.number().int(),
    workSummary: z.string().nullable(),
    /** Why the case is on hold and until when (YYYY-MM-DD); null unless status is on_hold. */
    onHoldReason: z.string().nullable(),
    onHoldUntil: z.iso.date().nullable(),
    /** The professionals' current judgement (null when not judged yet); not compartment. */
    concernLevel: CaseConcernLevelSchema.nullable(),
    /** When the case was closed (null unless closed or under re-review). */
    closedAt: z.iso.datetime().nullable(),
    persons: z.array(CasePersonSchema),
    members: z.array(CaseMemberSchema),
    access: AccessSchema,
    abilities: CaseAbilitiesSchema,
    // Compartment: only the case's coordinators and forum members receive these keys.
    extremismForm: compartment(ExtremismFormSchema.nullable()),
    extremismFormOther: compartment(z.string().nullable()),
    concernSummary: compartment(z.string().nullable()),
    ageGroup: compartment(AgeGroupSchema.nullable()),
    authorityArea: compartment(AuthorityAreaSchema.nullable()),
    primaryConcern: compartment(z.boolean().nullable()),
    subjectKind: compartment(SubjectKindSchema.nullable()),
    environment: compartment(EnvironmentSchema.nullable()),
  }),
);
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const AddMemberBody = z
  .object({
    userId: z.uuid(),
    role: CaseRoleSchema,
    scope: CaseScopeSchema.default('full'),
    unitId: z.uuid().nullable().default(null),
  })
  .strict();

export const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export const BreakGlassBody = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^S-[0-9]{4}-[0-9]{4,6}$/),
    reason: z.string().trim().min(20).max(2000),
    code: z.string().regex(/^[0-9]{6}$/),
  })
  .strict();

export const BreakGlassResponse = z.object({
  caseId: z.uuid(),
  expiresAt: z.iso.datetime(),
});

/** Kinds of events in a case's chronology (case_events.kind). */
export const CaseEventKindSchema = z.enum([
  'note',
  'status_changed',
  'classification_changed',
  'member_added',
  'member_removed',
  'opened',
  'assessment_started',
  'assessment_updated',
  'assessment_finalised',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'plan_rejected',
  'intervention_added',
  'intervention_changed',
  'intervention_session',
  'consent_recorded',
  'consent_withdrawn',
  'consent_changed',
  'offer_made',
  'offer_answered',
  'follow_up_scheduled',
  'follow_up_recorded',
  'closure_proposed',
  'closure_approved',
  'closure_rejected',
  'review_recorded',
  'reopened',
  'person_added',
  'person_removed',
  'custody_changed',
  'document_filed',
  'filing_corrected',
  'filing_withdrawn',
  'disclosure_recorded',
  'citizen_informed',
  'notice_exempted',
  'access_request_released',
  'partner_invited',
  'partner_access_changed',
  'partner_access_ended',
  'partner_access_expired',
  'partner_contribution',
  'transfer_proposed',
  'transfer_accepted',
  'transfer_declined',
  'transfer_received',
  'contact_attempt_recorded',
  'citizen_meeting_prepared',
  'citizen_meeting_held',
  'citizen_meeting_reflected',
  // A meeting's minutes (issue 14 part 4): a decision made at the meeting, a task it gave out.
  'meeting_decision_recorded',
  'meeting_task_created',
  'network_map_created',
  'network_map_finalised',
]);

const ChangeValue = z.union([z.string(), z.number(), z.boolean()]).nullable();
const Changes = z.record(z.string(), z.object({ from: ChangeValue, to: ChangeValue }));

export const CaseEventSchema = z.object({
  id: z.string().regex(/^[1-9][0-9]*$/),
  kind: CaseEventKindSchema,
  occurredAt: z.iso.datetime(),
  /** A back-dated event: the day it really happened (`occurredAt` is when it was recorded). */
  happenedOn: z.iso.date().nullable(),
  /** Why a back-dated event was recorded later; null for an event recorded when it happened. */
  backdateReason: BackdateReasonSchema.nullable(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /**
   * Field by field: what it was and what it became. `intervention` names the catalogue entry of
   * the intervention the event is about; for an entry that reveals the concern its `to` is null
   * (the web shows a neutral name) and the name travels in `concernChanges`.
   */
  changes: Changes,
  // The names of catalogue entries that reveal the concern (docs/SECURITY.md): only readers with
  // the compartment receive this key. Null when the event names no such entry.
  concernChanges: compartment(Changes.nullable()),
  /** An ordinary note's text (every member of the case may read it). */
  noteText: z.string().nullable(),
  /** A note about the concern itself: whether the event belongs to the compartment. */
  compartment: z.boolean(),
  // The text of a compartment note: only readers with the compartment receive this key (and the
  // query leaves compartment events out for everyone else).
  compartmentText: compartment(z.string().nullable()),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const ChronologyQuery = z
  .object({
    kind: CaseEventKindSchema.optional(),
    authorId: z.uuid().optional(),
    after: z
      .string()
      .regex(/^[1-9][0-9]{0,14}$/)
      .optional()
      .describe('Keyset cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const ChronologySchema = record(
  'case',
  z.object({
    /** The case's id: the chronology is one record with the case's compartment rule. */
    id: z.uuid(),
    items: z.array(CaseEventSchema),
    nextCursor: z.string().nullable(),
    /** Everyone who wrote an event the caller may see, for the author filter. */
    authors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
);
export type Chronology = z.infer<typeof ChronologySchema>;

export const NoteBody = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    compartment: z.boolean().default(false),
  })
  .strict();

export const NoteResponse = z.object({ id: z.string() });

/**
 * Resuming a case: what happens to one of its interventions that waits (planned or paused):
 * resumed (a planned one starts) or left as it is.
 */
export const ResumeChoiceSchema = z
  .object({ id: z.uuid(), action: z.enum(['resume', 'keep']) })
  .strict();

export const StatusBody = z
  .object({
    version: Version,
    status: z.enum(['active', 'on_hold']),
    /** Why the case is put on hold, or why it is resumed: required both ways. */
    reason: z.string().trim().min(1).max(2000).optional(),
    until: DateOnly.optional(),
    /** Only when resuming: a choice per waiting intervention (one not named is left as it is). */
    interventions: z.array(ResumeChoiceSchema).max(100).optional(),
  })
  .strict();

export const StatusResponse = z.object({ version: z.number().int() });

/**
 * The case's classification, edited by its coordinators with the compartment. A field left out
 * stays as it is; null clears it. `extremismFormOther` is required exactly when the form is
 * 'other' (it is cleared when the form changes to something else).
 */
export const ClassificationBody = z
  .object({
    version: Version,
    extremismForm: ExtremismFormSchema.nullable().optional(),
    extremismFormOther: z.string().trim().min(1).max(200).nullable().optional(),
    ageGroup: AgeGroupSchema.nullable().optional(),
    authorityArea: AuthorityAreaSchema.nullable().optional(),
    primaryConcern: z.boolean().nullable().optional(),
    subjectKind: SubjectKindSchema.nullable().optional(),
    environment: EnvironmentSchema.nullable().optional(),
  })
  .strict();

export const ClassificationResponse = z.object({ version: z.number().int() });
