import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { staleVersion } from '../cases/case-work.ts';
import { orNull } from './contact.ts';
import type { Owner } from './owner.ts';
import { riskCheckOf } from './presenters.ts';
import { meetingOf, updateMeeting } from './queries.ts';
import type { RecordMeetingHeldBody, RecordReflectionBody } from './schema.ts';

/** A plain e-mail address (one @, no spaces, a dot in the domain). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Step 3 and 4, "Mødet gennemføres" and "Mødet afrundes": the meeting marked held with the
 * citizen's perspective, the stage of change, the summary and mutual agreements, the rights told,
 * the lifeline and the next meeting. Refused, nothing stored: a meeting day in the future (no
 * summary before the meeting took place), a risk check with items unanswered, a lifeline without
 * a phone, an e-mail address or an address (or without whom to contact), a next meeting before
 * this one, compartment fields from a caller without the compartment; a stale version is a 409.
 */
export async function recordMeetingHeld(
  ctx: RequestContext,
  owner: Owner,
  meetingId: string,
  body: RecordMeetingHeldBody,
  now = new Date(),
): Promise<void> {
  await owner.change(ctx, async (trx, earliest) => {
    const current = await meetingOf(trx, owner.key, meetingId, true);
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) throw staleVersion(current.version);

    const problems: FieldProblem[] = [];
    if (body.heldOn > danishToday(now)) {
      problems.push({ field: 'body.heldOn', code: 'citizen_meeting_not_yet_held' });
    } else if (earliest && body.heldOn < earliest) {
      problems.push({ field: 'body.heldOn', code: 'contact_before_case_opened' });
    }
    const unanswered = riskCheckOf(current.risk_check).filter((r) => r.answer === null);
    for (const r of unanswered) {
      problems.push({ field: `riskCheck.${r.item}`, code: 'citizen_meeting_risk_unanswered' });
    }
    const lifeline = body.lifeline && {
      who: orNull(body.lifeline.who),
      phone: orNull(body.lifeline.phone),
      email: orNull(body.lifeline.email),
      address: orNull(body.lifeline.address),
      when: orNull(body.lifeline.when),
    };
    const reach = lifeline && (lifeline.phone ?? lifeline.email ?? lifeline.address);
    if (lifeline && (lifeline.who || reach || lifeline.when)) {
      if (!lifeline.who) problems.push({ field: 'body.lifeline.who', code: 'required' });
      if (!reach) {
        problems.push({ field: 'body.lifeline.phone', code: 'citizen_meeting_lifeline_reach' });
      }
    }
    if (lifeline?.email && !EMAIL.test(lifeline.email)) {
      problems.push({ field: 'body.lifeline.email', code: 'citizen_meeting_email' });
    }
    if (body.nextMeetingOn && body.nextMeetingOn < body.heldOn) {
      problems.push({ field: 'body.nextMeetingOn', code: 'citizen_meeting_next_before_held' });
    }
    if (!owner.compartment) {
      for (const field of ['citizenPerspective', 'stageOfChange'] as const) {
        if (body[field] !== undefined) {
          problems.push({ field: `body.${field}`, code: 'citizen_meeting_compartment_only' });
        }
      }
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const hasLifeline = Boolean(lifeline?.who);
    const version = await updateMeeting(trx, owner.key, meetingId, body.version, {
      held_on: body.heldOn,
      ...(body.citizenPerspective !== undefined && {
        citizen_perspective: orNull(body.citizenPerspective),
      }),
      ...(body.stageOfChange !== undefined && { stage_of_change: body.stageOfChange }),
      summary: orNull(body.summary),
      agreements: orNull(body.agreements),
      rights_told: [...new Set(body.rightsTold)],
      lifeline_who: hasLifeline ? (lifeline?.who ?? null) : null,
      lifeline_phone: hasLifeline ? (lifeline?.phone ?? null) : null,
      lifeline_email: hasLifeline ? (lifeline?.email ?? null) : null,
      lifeline_address: hasLifeline ? (lifeline?.address ?? null) : null,
      lifeline_when: hasLifeline ? (lifeline?.when ?? null) : null,
      next_meeting_on: body.nextMeetingOn,
      held_recorded_by: ctx.user.id,
    });
    if (version === undefined) throw staleVersion(current.version);
    await owner.recordChange(trx, ctx, {
      kind: 'citizen_meeting_held',
      changes: {
        heldOn: { from: current.held_on, to: body.heldOn },
        nextMeetingOn: { from: current.next_meeting_on, to: body.nextMeetingOn },
      },
      action: 'update',
      resourceType: 'citizen_meeting',
      resourceId: meetingId,
      details: { lifeline: hasLifeline, rightsTold: body.rightsTold.length },
    });
  });
}

/**
 * Step 4's reflection afterwards: what worked, what to change, the citizen's motivation, the
 * network's resistance. The team's with the compartment only (403 otherwise), and only once the
 * meeting took place. Its chronology entry is a compartment event.
 */
export async function recordReflection(
  ctx: RequestContext,
  owner: Owner,
  meetingId: string,
  body: RecordReflectionBody,
): Promise<void> {
  owner.requireCompartment();
  await owner.change(ctx, async (trx) => {
    const current = await meetingOf(trx, owner.key, meetingId, true);
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) throw staleVersion(current.version);
    if (current.held_on === null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'heldOn', code: 'citizen_meeting_not_held' }],
      });
    }
    const version = await updateMeeting(trx, owner.key, meetingId, body.version, {
      reflection_worked: orNull(body.worked),
      reflection_change: orNull(body.change),
      reflection_motivation: orNull(body.motivation),
      reflection_resistance: orNull(body.resistance),
      reflected_by: ctx.user.id,
      reflected_at: new Date(),
    });
    if (version === undefined) throw staleVersion(current.version);
    await owner.recordChange(trx, ctx, {
      kind: 'citizen_meeting_reflected',
      changes: {},
      action: 'update',
      resourceType: 'citizen_meeting',
      resourceId: meetingId,
      details: {},
      compartment: true,
    });
  });
}
