import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { staleVersion } from '../cases/case-work.ts';
import { orNull } from './contact.ts';
import type { Owner } from './owner.ts';
import { storedRiskCheck } from './presenters.ts';
import {
  insertMeeting,
  meetingOf,
  nameableUsers,
  updateMeeting,
  type PreparationValues,
} from './queries.ts';
import type { PrepareCitizenMeetingBody, UpdatePreparationBody } from './schema.ts';

type PreparationFields = Omit<PrepareCitizenMeetingBody, 'id'>;

/**
 * The checks of a preparation and its stored values. Each risk item at most once; the colleague
 * who did the check works on the record; the compartment's field (the check's outcome) only from
 * a caller with the compartment — left out, the stored text is kept.
 */
async function preparationValues(
  owner: Owner,
  trx: Transaction<DB>,
  body: PreparationFields,
  earliest: string | null,
): Promise<PreparationValues> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  body.riskCheck.forEach((answer, i) => {
    if (seen.has(answer.item)) {
      problems.push({ field: `body.riskCheck.${i}.item`, code: 'citizen_meeting_risk_twice' });
    }
    seen.add(answer.item);
  });
  if (body.plannedOn && earliest && body.plannedOn < earliest) {
    problems.push({ field: 'body.plannedOn', code: 'contact_before_case_opened' });
  }
  if (body.colleagueCheckBy) {
    const named = await nameableUsers(trx, owner.key, [body.colleagueCheckBy]);
    if (!named.has(body.colleagueCheckBy)) {
      problems.push({ field: 'body.colleagueCheckBy', code: 'contact_not_in_team' });
    }
  }
  if (body.colleagueCheckOutcome !== undefined && !owner.compartment) {
    problems.push({
      field: 'body.colleagueCheckOutcome',
      code: 'citizen_meeting_compartment_only',
    });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
  return {
    planned_on: body.plannedOn,
    purpose: body.purpose,
    expected_outcome: orNull(body.expectedOutcome),
    agenda: orNull(body.agenda),
    place: orNull(body.place),
    place_reason: orNull(body.placeReason),
    roles: orNull(body.roles),
    colleague_check_by: body.colleagueCheckBy,
    ...(body.colleagueCheckOutcome !== undefined && {
      colleague_check_outcome: orNull(body.colleagueCheckOutcome),
    }),
    communication_approach: orNull(body.communicationApproach),
    risk_check: storedRiskCheck(body.riskCheck),
    risk_conclusion: orNull(body.riskConclusion),
    precautions: orNull(body.precautions),
  };
}

const preparedEvent = (id: string, body: PreparationFields, action: 'create' | 'update') => ({
  kind: 'citizen_meeting_prepared' as const,
  changes: {
    meetingPurpose: { from: null, to: body.purpose },
    plannedOn: { from: null, to: body.plannedOn },
  },
  action,
  resourceType: 'citizen_meeting' as const,
  resourceId: id,
  // Codes and counts only.
  details: {
    purpose: body.purpose,
    riskItemsAnswered: body.riskCheck.filter((r) => r.answer !== null).length,
    precautions: orNull(body.precautions) !== null,
  },
});

/**
 * Step 2, "Mødet med borgeren forberedes": a new meeting with its preparation. The same id again
 * answers the meeting already prepared (`created: false`).
 */
export async function prepareMeeting(
  ctx: RequestContext,
  owner: Owner,
  body: PrepareCitizenMeetingBody,
): Promise<{ created: boolean }> {
  return owner.change(ctx, async (trx, earliest) => {
    if (await meetingOf(trx, owner.key, body.id)) return { created: false };
    const values = await preparationValues(owner, trx, body, earliest);
    const inserted = await insertMeeting(trx, owner.key, body.id, ctx.user.id, values);
    if (!inserted) {
      throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'duplicate' }] });
    }
    await owner.recordChange(trx, ctx, preparedEvent(inserted.id, body, 'create'));
    return { created: true };
  });
}

/** The preparation changed (optimistic locking: a stale version is a 409 with the current one). */
export async function updatePreparation(
  ctx: RequestContext,
  owner: Owner,
  meetingId: string,
  body: UpdatePreparationBody,
): Promise<void> {
  await owner.change(ctx, async (trx, earliest) => {
    const current = await meetingOf(trx, owner.key, meetingId, true);
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) throw staleVersion(current.version);
    const values = await preparationValues(owner, trx, body, earliest);
    const version = await updateMeeting(trx, owner.key, meetingId, body.version, values);
    if (version === undefined) throw staleVersion(current.version);
    await owner.recordChange(trx, ctx, preparedEvent(meetingId, body, 'update'));
  });
}
