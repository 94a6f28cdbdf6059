import { z } from 'zod';

/**
 * Meeting the citizen (issue 15 parts 1–4; NCFE's inspiration package: contact, preparation, the
 * meeting, rounding off). The value lists, defined once here; the database's checks
 * (db/migrations/0049_citizen_meetings.sql) hold the same lists, server and web import them, the
 * web labels them under `citizenMeetings.*`.
 */

/** How the citizen was sought. */
export const ContactChannelSchema = z.enum([
  'phone',
  'text',
  'letter',
  'home_visit',
  /** Through a bridge-builder in the citizen's own network (described by role, "her aunt"). */
  'bridge_builder',
  /** Through a professional who already knows the citizen (a teacher, a club worker). */
  'known_professional',
]);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;
export const CONTACT_CHANNELS = ContactChannelSchema.options;

/** What came of a try. */
export const ContactOutcomeSchema = z.enum([
  'no_answer',
  'refused',
  'agreed_to_meet',
  'contact_made',
]);
export type ContactOutcome = z.infer<typeof ContactOutcomeSchema>;
export const CONTACT_OUTCOMES = ContactOutcomeSchema.options;
/** The outcomes that did not reach the citizen: a run of them shows on the contact bar. */
export const FAILED_CONTACT_OUTCOMES: readonly ContactOutcome[] = ['no_answer', 'refused'];

/** Why the professionals meet the citizen. */
export const MeetingPurposeSchema = z.enum([
  'clarify_concern',
  'build_motivation',
  'follow_up_plan',
  'other',
]);
export type MeetingPurpose = z.infer<typeof MeetingPurposeSchema>;
export const MEETING_PURPOSES = MeetingPurposeSchema.options;

/**
 * The risk check before the meeting (praksisark, fase 1: "at gennemføre en systematisk
 * risikovurdering forud for mødet"): questions answered yes / no / unknown with a note, and the
 * professional's own conclusion. A checklist, never a score (no code adds the answers up).
 */
export const RiskItemSchema = z.enum([
  'known_violence',
  'weapons',
  'others_present',
  'place',
  'exit',
  'someone_knows',
]);
export type RiskItem = z.infer<typeof RiskItemSchema>;
export const RISK_ITEMS = RiskItemSchema.options;

export const RiskAnswerSchema = z.enum(['yes', 'no', 'unknown']);
export type RiskAnswer = z.infer<typeof RiskAnswerSchema>;
export const RISK_ANSWERS = RiskAnswerSchema.options;

/**
 * The stage of change as judged by the professional: the stages of Prochaska and DiClemente's
 * model of change, which the practice sheets name ("stadier og faser i en forandringsproces").
 */
export const StageOfChangeSchema = z.enum([
  'precontemplation',
  'contemplation',
  'preparation',
  'action',
  'maintenance',
  'relapse',
]);
export type StageOfChange = z.infer<typeof StageOfChangeSchema>;
export const STAGES_OF_CHANGE = StageOfChangeSchema.options;

/** The rights the citizen was told about at the meeting. */
export const CitizenRightSchema = z.enum([
  'voluntary',
  'access_to_file',
  'data_protection',
  'companion',
  'complaint',
]);
export type CitizenRight = z.infer<typeof CitizenRightSchema>;
export const CITIZEN_RIGHTS = CitizenRightSchema.options;
