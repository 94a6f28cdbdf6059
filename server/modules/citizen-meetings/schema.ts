import { z } from 'zod';
import {
  CitizenRightSchema,
  ContactChannelSchema,
  ContactOutcomeSchema,
  MeetingPurposeSchema,
  RiskAnswerSchema,
  RiskItemSchema,
  StageOfChangeSchema,
} from '../../../shared/citizen-meetings.ts';
import { compartment, record, type RecordKind } from '../../access/compartment.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * Meeting the citizen (issue 15 parts 1–4): request and response shapes (also the OpenAPI
 * document and the web's forms). Which fields sit in the compartment (docs/CITIZEN_MEETINGS.md):
 * the colleague check's outcome (the team's assumptions about the citizen and the concern), the
 * citizen's own perspective, the stage of change and the reflection afterwards. The contact
 * attempts, the preparation's practical parts, the risk check (a safety matter for everyone who
 * attends) with its precautions, the summary, agreements, rights and lifeline are for the whole
 * team of the case: the citizen gets most of them in writing anyway.
 */

/** Free text of a form field: trimmed; empty is the same as none (the service stores null). */
const text = (max: number) => z.string().trim().max(max).nullable().default(null);

export const CitizenMeetingParams = z.object({ id: z.uuid(), meetingId: z.uuid() }).strict();

// ── Step 1: contact attempts ──────────────────────────────────────────────────────────────────

export const RecordContactAttemptBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the try already recorded. */
    id: z.uuid(),
    attemptedOn: DateOnly,
    channel: ContactChannelSchema,
    /** Who tried: a member of the case (or one who works on the inquiry); the caller if left out. */
    triedBy: z.uuid().nullable().default(null),
    /** The bridge-builder or professional, described by role ("her aunt"), never by name. */
    bridgeBuilder: text(200),
    outcome: ContactOutcomeSchema,
    note: text(2000),
    /** What to try next … */
    nextStep: text(500),
    /** … on which day, and by whom (a task in "Mine opgaver"): both or neither. */
    nextOn: DateOnly.nullable().default(null),
    nextBy: z.uuid().nullable().default(null),
  })
  .strict();
export type RecordContactAttemptBody = z.infer<typeof RecordContactAttemptBody>;

const UserRef = z.object({ id: z.uuid(), name: z.string() });

export const ContactAttemptSchema = z.object({
  id: z.uuid(),
  attemptedOn: z.iso.date(),
  channel: ContactChannelSchema,
  triedBy: UserRef,
  bridgeBuilder: z.string().nullable(),
  outcome: ContactOutcomeSchema,
  note: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextOn: z.iso.date().nullable(),
  nextBy: UserRef.nullable(),
  recordedAt: z.iso.datetime(),
});
export type ContactAttempt = z.infer<typeof ContactAttemptSchema>;

// ── Step 2: the preparation ───────────────────────────────────────────────────────────────────

export const RiskCheckAnswerSchema = z
  .object({
    item: RiskItemSchema,
    /** null: not answered yet (the meeting cannot be marked held until every item is). */
    answer: RiskAnswerSchema.nullable().default(null),
    note: text(500),
  })
  .strict();
export type RiskCheckAnswer = z.infer<typeof RiskCheckAnswerSchema>;

const preparationFields = {
  plannedOn: DateOnly.nullable().default(null),
  purpose: MeetingPurposeSchema,
  expectedOutcome: text(2000),
  agenda: text(2000),
  place: text(200),
  /** Why the place suits the citizen. */
  placeReason: text(2000),
  /** The roles of the professionals present. */
  roles: text(2000),
  /** The colleague check of one's own assumptions: who did it … */
  colleagueCheckBy: z.uuid().nullable().default(null),
  /** … and what came out (compartment: left out, the stored text is kept). */
  colleagueCheckOutcome: z.string().trim().max(2000).nullable().optional(),
  communicationApproach: text(2000),
  riskCheck: z.array(RiskCheckAnswerSchema).max(20).default([]),
  /** The professional's own conclusion of the risk check. */
  riskConclusion: text(2000),
  /** The precautions the check calls for (shown on the meeting). */
  precautions: text(2000),
};

export const PrepareCitizenMeetingBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the meeting already prepared. */
    id: z.uuid(),
    ...preparationFields,
  })
  .strict();
export type PrepareCitizenMeetingBody = z.infer<typeof PrepareCitizenMeetingBody>;

export const UpdatePreparationBody = z.object({ version: Version, ...preparationFields }).strict();
export type UpdatePreparationBody = z.infer<typeof UpdatePreparationBody>;

// ── Step 3: the meeting and its rounding off ──────────────────────────────────────────────────

export const LifelineSchema = z
  .object({
    /** Who the citizen can contact before the next meeting … */
    who: text(200),
    /** … how (at least one) … */
    phone: text(40),
    email: text(200),
    address: text(300),
    /** … and when. */
    when: text(300),
  })
  .strict();
export type Lifeline = z.infer<typeof LifelineSchema>;

export const RecordMeetingHeldBody = z
  .object({
    version: Version,
    heldOn: DateOnly,
    /** The citizen's own perspective, in their words (compartment: left out, kept). */
    citizenPerspective: z.string().trim().max(4000).nullable().optional(),
    /** The stage of change as judged by the professional (compartment: left out, kept). */
    stageOfChange: StageOfChangeSchema.nullable().optional(),
    summary: text(4000),
    agreements: text(4000),
    rightsTold: z.array(CitizenRightSchema).max(10).default([]),
    lifeline: LifelineSchema.nullable().default(null),
    nextMeetingOn: DateOnly.nullable().default(null),
  })
  .strict();
export type RecordMeetingHeldBody = z.infer<typeof RecordMeetingHeldBody>;

// ── Step 4: the reflection afterwards ─────────────────────────────────────────────────────────

export const RecordReflectionBody = z
  .object({
    version: Version,
    worked: text(4000),
    change: text(4000),
    motivation: text(4000),
    resistance: text(4000),
  })
  .strict();
export type RecordReflectionBody = z.infer<typeof RecordReflectionBody>;

export const ReflectionSchema = z.object({
  worked: z.string().nullable(),
  change: z.string().nullable(),
  motivation: z.string().nullable(),
  resistance: z.string().nullable(),
  by: UserRef,
  at: z.iso.datetime(),
});

export const CitizenMeetingSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  plannedOn: z.iso.date().nullable(),
  purpose: MeetingPurposeSchema,
  expectedOutcome: z.string().nullable(),
  agenda: z.string().nullable(),
  place: z.string().nullable(),
  placeReason: z.string().nullable(),
  roles: z.string().nullable(),
  colleagueCheckBy: UserRef.nullable(),
  colleagueCheckOutcome: compartment(z.string().nullable()),
  communicationApproach: z.string().nullable(),
  riskCheck: z.array(
    z.object({
      item: RiskItemSchema,
      answer: RiskAnswerSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** Every item of the risk check is answered. */
  riskCheckComplete: z.boolean(),
  riskConclusion: z.string().nullable(),
  precautions: z.string().nullable(),
  preparedBy: UserRef,
  heldOn: z.iso.date().nullable(),
  citizenPerspective: compartment(z.string().nullable()),
  stageOfChange: compartment(StageOfChangeSchema.nullable()),
  summary: z.string().nullable(),
  agreements: z.string().nullable(),
  rightsTold: z.array(CitizenRightSchema),
  lifeline: z
    .object({
      who: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
      when: z.string().nullable(),
    })
    .nullable(),
  nextMeetingOn: z.iso.date().nullable(),
  reflection: compartment(ReflectionSchema.nullable()),
  createdAt: z.iso.datetime(),
});
export type CitizenMeeting = z.infer<typeof CitizenMeetingSchema>;

/** The contact bar and the meetings of one case or inquiry (`id` is the record's). */
function overviewOf(kind: RecordKind) {
  return record(
    kind,
    z.object({
      id: z.uuid(),
      /** The tries in order (oldest first). */
      attempts: z.array(ContactAttemptSchema),
      /** How many tries in a row, up to the latest, did not reach the citizen. */
      failedRun: z.number().int(),
      /** The meetings, newest first. */
      meetings: z.array(CitizenMeetingSchema),
    }),
  );
}
export const CaseCitizenContactSchema = overviewOf('case');
export const InquiryCitizenContactSchema = overviewOf('inquiry');
export type CitizenContact = z.infer<typeof CaseCitizenContactSchema>;
