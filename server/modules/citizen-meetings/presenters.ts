import {
  CitizenRightSchema,
  ContactChannelSchema,
  ContactOutcomeSchema,
  FAILED_CONTACT_OUTCOMES,
  MeetingPurposeSchema,
  RISK_ITEMS,
  RiskAnswerSchema,
  StageOfChangeSchema,
  type ContactOutcome,
  type RiskAnswer,
  type RiskItem,
} from '../../../shared/citizen-meetings.ts';
import type { AttemptRow, MeetingRow } from './queries.ts';
import type { CitizenMeeting, ContactAttempt, RiskCheckAnswer } from './schema.ts';

/** The rows as the API shows them; compartment fields are removed on the way out when not allowed. */

export function presentAttempt(row: AttemptRow): ContactAttempt {
  return {
    id: row.id,
    attemptedOn: row.attempted_on,
    channel: ContactChannelSchema.parse(row.channel),
    triedBy: { id: row.tried_by, name: row.tried_by_name },
    bridgeBuilder: row.bridge_builder,
    outcome: ContactOutcomeSchema.parse(row.outcome),
    note: row.note,
    nextStep: row.next_step,
    nextOn: row.next_on,
    nextBy:
      row.next_by && row.next_by_name !== null ? { id: row.next_by, name: row.next_by_name } : null,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** How many tries in a row, up to the latest, did not reach the citizen. */
export function failedRun(outcomes: readonly ContactOutcome[]): number {
  let run = 0;
  for (let i = outcomes.length - 1; i >= 0; i--) {
    const outcome = outcomes[i];
    if (outcome === undefined || !FAILED_CONTACT_OUTCOMES.includes(outcome)) break;
    run++;
  }
  return run;
}

type StoredRisk = Partial<Record<RiskItem, { answer: RiskAnswer | null; note: string | null }>>;

/** The stored risk check (jsonb) as one answer per item, in the checklist's order. */
export function riskCheckOf(stored: unknown): CitizenMeeting['riskCheck'] {
  const value = (stored && typeof stored === 'object' ? stored : {}) as StoredRisk;
  return RISK_ITEMS.map((item) => {
    const entry = value[item];
    const answer = RiskAnswerSchema.safeParse(entry?.answer);
    return {
      item,
      answer: answer.success ? answer.data : null,
      note: typeof entry?.note === 'string' ? entry.note : null,
    };
  });
}

/** The risk check as stored: one entry per item answered or noted. */
export function storedRiskCheck(answers: readonly RiskCheckAnswer[]): string {
  const stored: StoredRisk = {};
  for (const a of answers) {
    const note = a.note?.trim() ? a.note.trim() : null;
    if (a.answer !== null || note !== null) stored[a.item] = { answer: a.answer, note };
  }
  return JSON.stringify(stored);
}

export function riskCheckComplete(stored: unknown): boolean {
  return riskCheckOf(stored).every((r) => r.answer !== null);
}

export function presentMeeting(row: MeetingRow): CitizenMeeting {
  return {
    id: row.id,
    version: row.version,
    plannedOn: row.planned_on,
    purpose: MeetingPurposeSchema.parse(row.purpose),
    expectedOutcome: row.expected_outcome,
    agenda: row.agenda,
    place: row.place,
    placeReason: row.place_reason,
    roles: row.roles,
    colleagueCheckBy:
      row.colleague_check_by && row.colleague_check_by_name !== null
        ? { id: row.colleague_check_by, name: row.colleague_check_by_name }
        : null,
    colleagueCheckOutcome: row.colleague_check_outcome,
    communicationApproach: row.communication_approach,
    riskCheck: riskCheckOf(row.risk_check),
    riskCheckComplete: riskCheckComplete(row.risk_check),
    riskConclusion: row.risk_conclusion,
    precautions: row.precautions,
    preparedBy: { id: row.prepared_by, name: row.prepared_by_name },
    heldOn: row.held_on,
    citizenPerspective: row.citizen_perspective,
    stageOfChange:
      row.stage_of_change === null ? null : StageOfChangeSchema.parse(row.stage_of_change),
    summary: row.summary,
    agreements: row.agreements,
    rightsTold: row.rights_told.map((r) => CitizenRightSchema.parse(r)),
    lifeline:
      row.lifeline_who === null
        ? null
        : {
            who: row.lifeline_who,
            phone: row.lifeline_phone,
            email: row.lifeline_email,
            address: row.lifeline_address,
            when: row.lifeline_when,
          },
    nextMeetingOn: row.next_meeting_on,
    reflection:
      row.reflected_by && row.reflected_at && row.reflected_by_name !== null
        ? {
            worked: row.reflection_worked,
            change: row.reflection_change,
            motivation: row.reflection_motivation,
            resistance: row.reflection_resistance,
            by: { id: row.reflected_by, name: row.reflected_by_name },
            at: new Date(row.reflected_at).toISOString(),
          }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}
