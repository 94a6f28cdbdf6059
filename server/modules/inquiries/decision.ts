import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { requireInquiryAbility } from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import type { AgeGroup } from '../../../shared/values.ts';
import { keepFromArchive } from '../persons/queries-registry.ts';
import { rejectProblems } from '../persons/service.ts';
import { unitInMunicipality } from '../admin/queries-units.ts';
import { claimVersion, inquiryEvent, recordChange } from './change.ts';
import { localTime } from './deadline.ts';
import { checkDecisionDate } from './decision-date.ts';
import { makeFinal } from './decision-effects.ts';
import { backToWork, inquiryPersonIds, insertHistory, updateInquiryRow } from './queries.ts';
import {
  findPendingDecision,
  insertDecision,
  mainPersonBirthDate,
  recordReview,
  supersedeFinalDecision,
} from './queries-decision.ts';
import { isInFuture } from './rules.ts';
import type { Decision } from './schema-decision.ts';
import type { MunicipalitySettings } from './settings.ts';

/**
 * The decision that ends the initial assessment. One live decision per inquiry: `final`, or
 * `pending` while a second coordinator reviews it (four-eyes, model 3). What each outcome does
 * when it becomes final is in decision-effects.ts. Deciding takes the request context and the
 * clock (`now`: the age group on the day, a police handover not in the future).
 */
function checkDecision(body: Decision, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const c = body.classification;
  if (body.outcome === 'other_concern' && !body.referredUnitId) {
    problems.push({ field: 'body.referredUnitId', code: 'required' });
  }
  if (body.outcome === 'police') {
    if (!body.policeHandedAt) problems.push({ field: 'body.policeHandedAt', code: 'required' });
    else if (isInFuture(body.policeHandedAt, now)) {
      problems.push({ field: 'body.policeHandedAt', code: 'in_future' });
    }
    if (!body.policeRecipient) problems.push({ field: 'body.policeRecipient', code: 'required' });
  }
  if (body.outcome === 'radicalisation' && !c.extremismForm) {
    problems.push({ field: 'body.classification.extremismForm', code: 'required' });
  }
  if (c.extremismForm === 'other' && !c.extremismFormOther) {
    problems.push({ field: 'body.classification.extremismFormOther', code: 'required' });
  }
  return problems;
}

/** Under 18 or adult on the day of the decision, from the main person's birth date. */
function ageGroup(birthDate: string | null, now: Date): AgeGroup {
  if (!birthDate) return 'unknown';
  const today = localTime(now);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const had18th = today.month > m || (today.month === m && today.day >= d);
  const age = today.year - y - (had18th ? 0 : 1);
  return age >= 18 ? 'adult' : 'under_18';
}

export async function decide(
  ctx: RequestContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: Decision,
  now: Date,
): Promise<void> {
  if (access.status === 'decided' || access.status === 'awaiting_approval') {
    throw new AppError('inquiry_decided');
  }
  requireInquiryAbility(access, 'decide');
  const problems = checkDecision(body, now);
  if (
    body.referredUnitId &&
    !(await unitInMunicipality(ctx.db, body.referredUnitId, access.municipalityCode))
  ) {
    problems.push({ field: 'body.referredUnitId', code: 'invalid_value' });
  }
  const decisionDate = await checkDecisionDate(ctx.db, access, body, now, problems);
  rejectProblems(problems);

  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access, body.version);
    const birthDate = await mainPersonBirthDate(trx, access);
    const c = body.classification;
    const decisionId = await insertDecision(trx, {
      inquiry_id: access.inquiryId,
      outcome: body.outcome,
      reason: body.reason,
      referred_unit_id: body.outcome === 'other_concern' ? body.referredUnitId : null,
      passed_on: body.outcome === 'other_concern' ? body.passedOn : null,
      police_handed_at: body.outcome === 'police' ? body.policeHandedAt : null,
      police_recipient: body.outcome === 'police' ? body.policeRecipient : null,
      municipality_keeps: body.outcome === 'police' ? body.municipalityKeeps : null,
      extremism_form: c.extremismForm,
      extremism_form_other: c.extremismForm === 'other' ? c.extremismFormOther : null,
      age_group: ageGroup(birthDate, now),
      authority_area: c.authorityArea,
      primary_concern: c.primaryConcern,
      subject_kind: c.subjectKind,
      environment: c.environment,
      status: settings.fourEyes ? 'pending' : 'final',
      decided_by: ctx.user.id,
      ...decisionDate,
    });
    await insertHistory(trx, access.inquiryId, ctx.user.id, 'decided', {
      decisionId,
      outcome: body.outcome,
      awaitingApproval: settings.fourEyes,
      ...(decisionDate.decided_on && {
        decidedOn: decisionDate.decided_on,
        backdateReason: decisionDate.backdate_reason,
      }),
    });
    if (settings.fourEyes) {
      await updateInquiryRow(trx, access, { status: 'awaiting_approval' });
    } else {
      await makeFinal(trx, ctx, access, settings, decisionId, now);
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      inquiryEvent(ctx, access.municipalityCode, {
        action: body.outcome === 'police' ? 'disclose' : 'update',
        resourceId: access.inquiryId,
        details: { decisionId, outcome: body.outcome, fourEyes: settings.fourEyes },
      }),
    );
  });
}

/** The second coordinator approves (the decision takes effect) or rejects it (back to work). */
export async function review(
  ctx: RequestContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: { version: number; approve: boolean; comment: string | null },
  now: Date,
): Promise<void> {
  requireInquiryAbility(access, 'review');
  if (access.status !== 'awaiting_approval') throw new AppError('nothing_to_review');
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access, body.version);
    const pending = await findPendingDecision(trx, access);
    if (!pending) throw new AppError('nothing_to_review');
    if (pending.decided_by === ctx.user.id) throw new AppError('four_eyes_same_person');
    await recordReview(trx, access, pending.id, {
      approve: body.approve,
      reviewedBy: ctx.user.id,
      comment: body.comment,
    });
    if (body.approve) await makeFinal(trx, ctx, access, settings, pending.id, now);
    else await backToWork(trx, access);
    await recordChange(trx, ctx, access, {
      kind: body.approve ? 'approved' : 'rejected',
      changes: { decisionId: pending.id, ...(body.comment && { comment: body.comment }) },
      audit: { action: 'update', details: { decisionId: pending.id, approved: body.approve } },
    });
  });
}

/** A decided inquiry is opened again, with a reason; the decision is kept but superseded. */
export async function reopen(
  ctx: RequestContext,
  access: InquiryAccess,
  body: { version: number; reason: string },
): Promise<void> {
  requireInquiryAbility(access, 'reopen');
  if (access.status !== 'decided') throw new AppError('inquiry_not_decided');
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access, body.version);
    await supersedeFinalDecision(trx, access);
    await backToWork(trx, access);
    // Its persons are no longer waiting to be archived.
    await keepFromArchive(trx, access.municipalityCode, await inquiryPersonIds(trx, access));
    await recordChange(trx, ctx, access, {
      kind: 'reopened',
      changes: { reason: body.reason },
      audit: { action: 'update', details: { reopened: true } },
    });
  });
}
