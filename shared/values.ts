import { z } from 'zod';

/**
 * The value lists of case work, defined once and imported by the server (request and response
 * schemas, the database's stored values) and the web (options, labels by key). A label is never
 * stored here: the Danish and English words live in the locale files under the value's key.
 * Adding a value: add it here, add its label in both languages (the i18n tests fail until you
 * do), and a database CHECK that lists the values needs a migration.
 */

/** A case's state: open for work (active, on hold) or closed (closed, under re-review). */
export const CaseStatusSchema = z.enum(['active', 'on_hold', 'closed', 'under_review']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;
export const CASE_STATUSES = CaseStatusSchema.options;

/** A closed case, or one under re-review, takes no new work until it is reopened. */
export function caseIsOpen(status: CaseStatus): boolean {
  return status === 'active' || status === 'on_hold';
}

/** A member's place in a case, and how much of it they see. */
export const CaseRoleSchema = z.enum(['coordinator', 'forum', 'member']);
export type CaseRole = z.infer<typeof CaseRoleSchema>;
export const CaseScopeSchema = z.enum(['full', 'intervention']);
export type CaseScope = z.infer<typeof CaseScopeSchema>;

/**
 * A person's place in a case: the citizen the case is about, or someone close to them. The
 * citizen comes with the case; the others can be added and removed on it (CASE_PERSON_ROLES_ADDABLE).
 */
export const CasePersonRoleSchema = z.enum([
  'citizen',
  'parent',
  'sibling',
  'younger_sibling',
  'spouse',
  'child',
  'friend',
  'other',
]);
export type CasePersonRole = z.infer<typeof CasePersonRoleSchema>;
export const AddablePersonRoleSchema = CasePersonRoleSchema.exclude(['citizen']);
export type AddablePersonRole = z.infer<typeof AddablePersonRoleSchema>;
export const CASE_PERSON_ROLES_ADDABLE = AddablePersonRoleSchema.options;

/** The professionals' concern level: always chosen by a person, never computed. */
export const ConcernLevelSchema = z.enum(['low', 'moderate', 'high']);
export type ConcernLevel = z.infer<typeof ConcernLevelSchema>;
export const CONCERN_LEVELS = ConcernLevelSchema.options;
/** Order of the levels, to tell whether a new judgement is up, the same or down. */
export const CONCERN_ORDER: Record<ConcernLevel, number> = { low: 1, moderate: 2, high: 3 };
/** Which way a new judgement of the concern level went (a follow-up; the case overview's arrow). */
export const ConcernChangeSchema = z.enum(['up', 'same', 'down']);
export type ConcernChange = z.infer<typeof ConcernChangeSchema>;

/** Where a goal of the action plan stands. */
export const GoalStatusSchema = z.enum([
  'not_started',
  'in_progress',
  'achieved',
  'partly_achieved',
  'not_achieved',
  'dropped',
]);
export type GoalStatus = z.infer<typeof GoalStatusSchema>;
export const GOAL_STATUSES = GoalStatusSchema.options;
/** A goal that still wants work (neither reached, given up nor judged at closure). */
export const OPEN_GOAL_STATUSES: readonly GoalStatus[] = ['not_started', 'in_progress'];

/** The ten life competences rated 1–4 (one municipality's progress measure, domain §2 C). */
export const COMPETENCES = [
  'network',
  'frames',
  'education',
  'community',
  'focus',
  'pragmatism',
  'morality',
  'reflection',
  'empathy',
  'navigation',
] as const;
export type Competence = (typeof COMPETENCES)[number];
export const CompetenceRatingSchema = z.number().int().min(1).max(4);
export const CompetenceRatingsSchema = z
  .object(
    Object.fromEntries(COMPETENCES.map((c) => [c, CompetenceRatingSchema.optional()])) as {
      [K in Competence]: z.ZodOptional<typeof CompetenceRatingSchema>;
    },
  )
  .strict();
export type CompetenceRatings = z.infer<typeof CompetenceRatingsSchema>;

/** Where an intervention for the citizen stands; the first three are still open. */
export const InterventionStatusSchema = z.enum([
  'planned',
  'active',
  'paused',
  'ended',
  'cancelled',
]);
export type InterventionStatus = z.infer<typeof InterventionStatusSchema>;
export const INTERVENTION_STATUSES = InterventionStatusSchema.options;
export const OPEN_INTERVENTION_STATUSES: readonly InterventionStatus[] = [
  'planned',
  'active',
  'paused',
];

/**
 * Where a concern inquiry stands; the first three are open (the deadline still runs). A
 * forwarded inquiry was sent to the municipality it belongs to (docs/TRANSFERS.md) and is closed
 * here without a decision.
 */
export const InquiryStatusSchema = z.enum([
  'received',
  'triaged',
  'awaiting_approval',
  'decided',
  'forwarded',
]);
export type InquiryStatus = z.infer<typeof InquiryStatusSchema>;
export const INQUIRY_STATUSES = InquiryStatusSchema.options;
export const OPEN_INQUIRY_STATUSES = ['received', 'triaged', 'awaiting_approval'] as const;

/** How serious an inquiry is judged at triage; it sets the decision deadline. */
export const SeriousnessSchema = z.enum(['high', 'medium', 'low']);
export type Seriousness = z.infer<typeof SeriousnessSchema>;
export const SERIOUSNESS_LEVELS = SeriousnessSchema.options;

/** What the initial assessment of an inquiry concluded. */
export const InquiryOutcomeSchema = z.enum([
  'no_concern',
  'other_concern',
  'radicalisation',
  'police',
]);
export type InquiryOutcome = z.infer<typeof InquiryOutcomeSchema>;
export const INQUIRY_OUTCOMES = InquiryOutcomeSchema.options;

/**
 * The classification an inquiry's decision gives and its case carries (editable there): the form
 * of extremism, the age group, the authority area, whom the concern is about, and where.
 */
export const ExtremismFormSchema = z.enum([
  'militant_islamism',
  'right_wing',
  'left_wing',
  'other',
]);
export type ExtremismForm = z.infer<typeof ExtremismFormSchema>;
export const EXTREMISM_FORMS = ExtremismFormSchema.options;
export const AgeGroupSchema = z.enum(['under_18', 'adult', 'unknown']);
export type AgeGroup = z.infer<typeof AgeGroupSchema>;
export const AGE_GROUPS = AgeGroupSchema.options;
export const AuthorityAreaSchema = z.enum(['inside', 'outside']);
export type AuthorityArea = z.infer<typeof AuthorityAreaSchema>;
export const AUTHORITY_AREAS = AuthorityAreaSchema.options;
export const SubjectKindSchema = z.enum(['person', 'persons', 'group', 'family']);
export type SubjectKind = z.infer<typeof SubjectKindSchema>;
export const SUBJECT_KINDS = SubjectKindSchema.options;

/** Who an inquiry came from. Stored in `inquiries.source` (a CHECK lists the same values). */
export const SOURCES = [
  'relative',
  'friend',
  'mentor',
  'housing_social_worker',
  'teacher',
  'daycare',
  'doctor',
  'health_visitor',
  'social_worker',
  'police',
  'other_municipality',
  'national_hotline',
  'self',
  'anonymous',
  'other',
] as const;
export const SourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof SourceSchema>;

/**
 * The sources that are professionals with the enhanced duty to report about a child (Barnets
 * lov, skærpet underretningspligt): an inquiry from one about a child may be marked as a report.
 */
export const PROFESSIONAL_SOURCES = [
  'teacher',
  'daycare',
  'doctor',
  'health_visitor',
  'social_worker',
  'housing_social_worker',
  'mentor',
  'police',
  'other_municipality',
] as const satisfies readonly Source[];

export function isProfessionalSource(source: string): boolean {
  return (PROFESSIONAL_SOURCES as readonly string[]).includes(source);
}
export const EnvironmentSchema = z.enum(['physical', 'online', 'both']);
export type Environment = z.infer<typeof EnvironmentSchema>;
export const ENVIRONMENTS = EnvironmentSchema.options;

/**
 * What an in-app notification is about; the web makes its sentence from the kind (and links to
 * the record it names). Stored in `notifications.kind` and, for the deadline warnings, in
 * `email_outbox.kind`.
 */
export const NotificationKindSchema = z.enum([
  'break_glass',
  'inquiry_deadline_soon',
  'inquiry_overdue',
  'inquiry_possible_duplicate',
  'offer_renewal_due',
  'follow_up_overdue',
  'review_due',
  'plan_awaiting_approval',
  'closure_awaiting_approval',
  'plan_rejected',
  'intervention_assigned',
  'consent_withdrawn',
  'consent_expired',
  // Across municipalities (docs/TRANSFERS.md): a transfer proposed to the municipality, answered.
  'transfer_incoming',
  'transfer_answered',
]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;
export const NOTIFICATION_KINDS = NotificationKindSchema.options;
/** The kinds that also go out by e-mail: an inquiry's deadline soon or passed. */
export const DeadlineNoticeKindSchema = NotificationKindSchema.extract([
  'inquiry_deadline_soon',
  'inquiry_overdue',
]);
export type DeadlineNoticeKind = z.infer<typeof DeadlineNoticeKindSchema>;

/**
 * Why an event is dated before the inquiry or case was registered here (issue 12): recorded
 * late, moved in from paper, or another reason written out (`backdateNote`).
 */
export const BackdateReasonSchema = z.enum(['registered_late', 'moved_from_paper', 'other']);
export type BackdateReason = z.infer<typeof BackdateReasonSchema>;
export const BACKDATE_REASONS = BackdateReasonSchema.options;

/**
 * Chronology fields an event states as a fact, not as a change: shown as their value alone, on
 * the web and in the case summary. From `document` on, what a "document filed" event states
 * (server/modules/filing/recording.ts) and the reasons of its correction or withdrawal
 * (correcting.ts). A fact field that has a `from` (a corrected journal number) is a change.
 */
export const CHRONOLOGY_FACT_FIELDS = [
  'inquiry',
  'resumeReason',
  'decidedAlone',
  'document',
  'documentVersion',
  'journalNumber',
  'recordSystem',
  'filedOn',
  'correctionReason',
  'withdrawalReason',
  // The citizen told (server/modules/notice/recording.ts).
  'noticeMethod',
  'noticeExemption',
  'noticeDate',
] as const;
/**
 * The case documents that can be filed in the municipality's record system (issue 12 part 9):
 * the case summary and the action plan. A document added later joins the registry in
 * server/modules/filing/documents.ts and this list.
 */
export const FilingDocumentKindSchema = z.enum(['case-summary', 'plan']);
export type FilingDocumentKind = z.infer<typeof FilingDocumentKindSchema>;
export const FILING_DOCUMENT_KINDS = FilingDocumentKindSchema.options;
