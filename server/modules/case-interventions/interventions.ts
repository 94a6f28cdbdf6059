import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  caseBackdate,
  earlierCreate,
  inCaseTransaction,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
} from '../cases/case-work.ts';
import { danishToday, type Changes } from '../cases/chronology.ts';
import { assignProvider } from './providers.ts';
import {
  addParticipants,
  checkParticipants,
  inOrder,
  participantNames,
  replaceParticipants,
} from './participants.ts';
import { participantsOf } from './queries-participants.ts';
import {
  casePerson,
  choosableType,
  eligibleProvider,
  insertIntervention,
  lockIntervention,
  updateInterventionRow,
  validConsent,
} from './queries-writes.ts';
import { personName } from '../cases/queries.ts';
import type { Participant } from './participants.ts';
import type {
  CreateInterventionBody,
  InterventionForm,
  InterventionStatus,
  UpdateInterventionBody,
} from './schema.ts';
import { fail, type Created } from './shared.ts';

/**
 * Interventions in a case: creating one (status planned) and changing it, including the status
 * transitions and the rules for starting, resuming and ending.
 */

/** The dates of an intervention that may lie before the case was opened, by field. */
function caseDates(body: { startsOn?: string | null; endsOn?: string | null }) {
  return { 'body.startsOn': body.startsOn, 'body.endsOn': body.endsOn };
}

/** Which status may follow which. */
const TRANSITIONS: Record<InterventionStatus, readonly InterventionStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
  cancelled: [],
};

/** A new intervention for a person of the case, status planned. */
export async function createIntervention(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof CreateInterventionBody>,
): Promise<Created> {
  return inCaseTransaction(ctx, access, 'interventions', 'write', async (trx, locked) => {
    const earlier = await earlierCreate(
      trx,
      'case_interventions',
      body.id,
      access.caseId,
      'duplicate',
    );
    if (earlier) return earlier;
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    // Active entries only; outside the compartment not one that reveals the concern.
    const type = await choosableType(trx, access, body.interventionTypeId, true);
    if (!type)
      problems.push({ field: 'body.interventionTypeId', code: 'intervention_type_unavailable' });
    const person = await casePerson(trx, access, body.personId);
    if (!person) problems.push({ field: 'body.personId', code: 'person_not_in_case' });
    const form = body.form ?? 'individual';
    const participants = await checkParticipants(
      trx,
      access,
      { form, mainPersonId: body.personId, ids: body.participantIds ?? [body.personId] },
      problems,
    );
    let provider: { id: string; display_name: string } | undefined;
    if (body.providerUserId !== undefined && body.providerName !== undefined) {
      problems.push({ field: 'body.providerName', code: 'provider_one_of' });
    } else if (body.providerUserId !== undefined) {
      provider = await eligibleProvider(trx, access, body.providerUserId);
      if (!provider) problems.push({ field: 'body.providerUserId', code: 'provider_not_eligible' });
    }
    // Dated before the case was opened here: only with a reason, never before the concern.
    const backdate = caseBackdate(locked, caseDates(body), body, problems);
    if (body.startsOn !== undefined && body.endsOn !== undefined && body.endsOn < body.startsOn) {
      problems.push({ field: 'body.endsOn', code: 'ends_before_start' });
    }
    fail(problems);
    if (!type || !person || !participants) throw new AppError('validation_failed');

    const row = await insertIntervention(trx, {
      ...(body.id && { id: body.id }),
      case_id: access.caseId,
      intervention_type_id: type.id,
      person_id: person.id,
      form,
      provider_user_id: provider?.id ?? null,
      provider_name: body.providerName ?? null,
      purpose: body.purpose ?? null,
      starts_on: body.startsOn ?? null,
      ends_on: body.endsOn ?? null,
      created_by: ctx.user.id,
      ...backdate.stored,
    });
    await addParticipants(trx, row.id, participants);
    const memberChanges = provider ? await assignProvider(trx, ctx, access, provider, row.id) : {};
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_added',
      action: 'create',
      resourceType: 'case_intervention',
      resourceId: row.id,
      backdate: backdate.event,
      // The entry's name is read when the event is shown: one that reveals the concern is named
      // only to readers with the compartment (docs/SECURITY.md).
      interventionId: row.id,
      changes: {
        personRole: { from: null, to: person.role },
        ...(form === 'group' && {
          participants: { from: null, to: participantNames(participants) },
        }),
        status: { from: null, to: 'planned' },
        provider: { from: null, to: provider?.display_name ?? body.providerName ?? null },
        ...(body.startsOn !== undefined && { startsOn: { from: null, to: body.startsOn } }),
        ...(body.endsOn !== undefined && { endsOn: { from: null, to: body.endsOn } }),
        ...memberChanges,
      },
      details: {
        interventionId: row.id,
        interventionTypeId: type.id,
        personId: person.id,
        participants: participants.length,
        providerUserId: provider?.id ?? null,
      },
    });
    return { id: row.id, version: row.version, created: true };
  });
}

/**
 * Changes an intervention: its status (planned → active | cancelled, active → paused | ended,
 * paused → active | ended), dates, purpose and provider. Starting needs a start date (not before
 * the case opened) and, for a type that requires consent, a recorded consent of the person that
 * is not withdrawn; ending needs an end date and a reason. Optimistic locking on `version`.
 */
export async function updateIntervention(
  ctx: RequestContext,
  access: CaseAccess,
  interventionId: string,
  body: z.infer<typeof UpdateInterventionBody>,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  return inCaseTransaction(ctx, access, 'interventions', 'write', async (trx, locked) => {
    const current = await lockIntervention(trx, access, interventionId);
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) throw staleVersion(current.version);
    requireOpenCase(locked);

    const from = current.status as InterventionStatus;
    const to = body.status ?? from;
    const problems: FieldProblem[] = [];
    if (
      body.status !== undefined &&
      body.status !== from &&
      !TRANSITIONS[from].includes(body.status) &&
      from !== 'ended' &&
      from !== 'cancelled'
    ) {
      problems.push({ field: 'body.status', code: 'intervention_transition_not_allowed' });
    }
    if (from === 'ended' || from === 'cancelled') {
      problems.push({ field: 'body.status', code: 'intervention_finished' });
    }
    const startsOn = body.startsOn !== undefined ? body.startsOn : current.starts_on;
    const endsOn = body.endsOn !== undefined ? body.endsOn : current.ends_on;
    const ending = to === 'ended' || to === 'cancelled';
    if (body.endReason !== undefined && !ending) {
      problems.push({ field: 'body.endReason', code: 'end_reason_only_when_ending' });
    }
    const backdate = caseBackdate(locked, caseDates(body), body, problems);
    if (to === 'active' && startsOn === null) {
      problems.push({ field: 'body.startsOn', code: 'required' });
    }
    if (startsOn === null && (from === 'active' || from === 'paused')) {
      problems.push({ field: 'body.startsOn', code: 'required' });
    }
    if (to === 'ended') {
      if (endsOn === null) problems.push({ field: 'body.endsOn', code: 'required' });
      if ((body.endReason ?? current.end_reason) === null) {
        problems.push({ field: 'body.endReason', code: 'required' });
      }
    }
    if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
      problems.push({ field: 'body.endsOn', code: 'ends_before_start' });
    }

    // Provider: a user of the municipality or an external name, not both.
    let providerUserId = current.provider_user_id;
    let providerName = current.provider_name;
    let newProvider: { id: string; display_name: string } | undefined;
    if (body.providerUserId !== undefined) providerUserId = body.providerUserId;
    if (body.providerName !== undefined) providerName = body.providerName;
    if (body.providerUserId && body.providerName) {
      problems.push({ field: 'body.providerName', code: 'provider_one_of' });
    } else {
      if (body.providerUserId) providerName = null;
      if (body.providerName) providerUserId = null;
      if (body.providerUserId && body.providerUserId !== current.provider_user_id) {
        newProvider = await eligibleProvider(trx, access, body.providerUserId);
        if (!newProvider) {
          problems.push({ field: 'body.providerUserId', code: 'provider_not_eligible' });
        }
      }
    }
    // Participants: the form and the persons, checked together against the case's persons.
    let participantChange: { from: string[]; names: string; to: Participant[] } | null = null;
    const form = body.form ?? (current.form as InterventionForm);
    if (body.form !== undefined || body.participantIds !== undefined) {
      const was = await participantsOf(trx, access, [current.id]);
      const fromIds = was.map((p) => p.person_id);
      const to = await checkParticipants(
        trx,
        access,
        { form, mainPersonId: current.person_id, ids: body.participantIds ?? fromIds },
        problems,
      );
      const same = to && to.length === fromIds.length && to.every((p) => fromIds.includes(p.id));
      if (to && !same) {
        const names = inOrder(was.map((p) => ({ name: personName(p) })));
        participantChange = { from: fromIds, names: participantNames(names), to };
      }
    }
    fail(problems);

    // Starting (or resuming) an intervention that needs consent: a recorded consent of the
    // person, not withdrawn, given on or before the start (when resuming: on or before today).
    let consentId = current.consent_id;
    if (to === 'active' && from !== 'active' && current.consent_required) {
      const on = from === 'paused' ? danishToday(now) : (startsOn ?? '');
      const consent = await validConsent(trx, access, current.person_id, on);
      if (!consent) fail([{ field: 'body.status', code: 'consent_required' }]);
      consentId = consent?.id ?? null;
    }

    const next = {
      status: to,
      starts_on: startsOn,
      ends_on: endsOn,
      end_reason: body.endReason ?? current.end_reason,
      purpose: body.purpose !== undefined ? body.purpose : current.purpose,
      provider_user_id: providerUserId,
      provider_name: providerName,
      consent_id: consentId,
      form,
      // A changed date before the opening keeps its reason; an earlier reason stays otherwise.
      ...(backdate.stored.backdate_reason !== null && backdate.stored),
    };
    const before = {
      status: current.status,
      starts_on: current.starts_on,
      ends_on: current.ends_on,
      end_reason: current.end_reason,
      purpose: current.purpose,
      provider_user_id: current.provider_user_id,
      provider_name: current.provider_name,
      consent_id: current.consent_id,
    };
    const names = {
      status: 'status',
      starts_on: 'startsOn',
      ends_on: 'endsOn',
      end_reason: 'endReason',
      purpose: 'purpose',
      provider_name: 'providerName',
      consent_id: 'consent',
    } as const;
    const changes: Changes = {};
    for (const key of Object.keys(names) as (keyof typeof names)[]) {
      if (before[key] !== next[key]) changes[names[key]] = { from: before[key], to: next[key] };
    }
    if (participantChange) {
      changes.participants = {
        from: participantChange.names,
        to: participantNames(participantChange.to),
      };
    }
    if (before.provider_user_id !== next.provider_user_id) {
      changes.provider = {
        from: current.provider_display_name,
        to: newProvider?.display_name ?? null,
      };
    }
    if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };

    const updated = await updateInterventionRow(trx, access, current.id, body.version, next);
    if (!updated) throw staleVersion(current.version);
    if (participantChange) {
      await replaceParticipants(
        trx,
        access,
        current.id,
        participantChange.from,
        participantChange.to,
      );
    }
    const memberChanges = newProvider
      ? await assignProvider(trx, ctx, access, newProvider, current.id)
      : {};
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_changed',
      resourceType: 'case_intervention',
      resourceId: current.id,
      backdate: backdate.event,
      changes: { ...changes, ...memberChanges },
      details: {
        interventionId: current.id,
        from: current.status,
        to,
        fields: Object.keys(changes).join(','),
        consentId,
      },
    });
    return { id: current.id, version: updated.version };
  });
}
