import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { hasCaseAbility } from '../../access/case-abilities.ts';
import { inquiryAbilitiesByPlace } from '../../access/inquiry-abilities.ts';
import type { ItemAccess } from '../../access/minutes-access.ts';
import type { CaseAccess } from '../../access/records.ts';
import { lockCase, recordCaseChange } from '../cases/case-work.ts';
import { recordChange } from '../inquiries/change.ts';
import { decide } from '../inquiries/decision.ts';
import { getSettings } from '../inquiries/settings.ts';
import { addFollowUp } from '../follow-ups/scheduling.ts';
import { approveClosure } from '../closure/decisions.ts';
import { proposeClosure } from '../closure/propose.ts';
import { recordReview } from '../closure/review.ts';
import { approvePlan } from '../plans/decisions.ts';
import { createIntervention } from '../case-interventions/interventions.ts';
import { joinedContext } from './minutes-transaction.ts';
import type { MinutesActionInput, MinutesActionKind, RecordVersions } from './minutes-schema.ts';

/**
 * Decisions in the minutes that act on the item's record (issue 14 part 4), made exactly as on
 * the record's own page: through the owning module's function, in the minutes' transaction
 * (minutes-transaction.ts), with its rules and messages. The owning module writes its own
 * chronology entry; the record's chronology gets a second entry naming the meeting
 * (`meeting_decision_recorded`, in the case's or the inquiry's).
 */

const CASE_ITEM_KINDS = ['follow_up', 'case', 'on_hold'];

/**
 * Which decisions fit an item of this kind in a forum of this kind. Where the steering group
 * approves plans (`planApproval` 'steering_group'), only its meetings may record a plan approval.
 */
function decisionsOfItem(
  forumKind: string,
  itemKind: string,
  steeringApprovesPlans: boolean,
): MinutesActionKind[] {
  // The network holds themes and anonymous figures only: nothing acts on a record.
  if (forumKind === 'infohus_network') return [];
  // The steering group sees aggregates; it approves plans where model 3 requires it.
  if (forumKind === 'steering_group') return itemKind === 'plan_approval' ? ['plan_approved'] : [];
  if (itemKind === 'inquiry') return ['inquiry_decision'];
  if (itemKind === 're_review') return ['review'];
  if (itemKind === 'plan_approval') return steeringApprovesPlans ? [] : ['plan_approved'];
  if (CASE_ITEM_KINDS.includes(itemKind)) {
    return ['concern_level', 'closure_proposed', 'closure_approved', 'intervention_added'];
  }
  return [];
}

/** The decisions the caller may record on the item now (the record's own abilities decide). */
export function allowedDecisions(
  forumKind: string,
  itemKind: string,
  item: ItemAccess | undefined,
  steeringApprovesPlans: boolean,
): MinutesActionKind[] {
  if (!item || item.kind === 'topic') return [];
  return decisionsOfItem(forumKind, itemKind, steeringApprovesPlans).filter((kind) => {
    if (item.kind === 'inquiry') {
      return (
        kind === 'inquiry_decision' &&
        inquiryAbilitiesByPlace(item.access, { triageBy: 'coordinator' }).decide &&
        !['decided', 'awaiting_approval', 'forwarded'].includes(item.access.status)
      );
    }
    const a = item.access;
    switch (kind) {
      case 'concern_level':
        return hasCaseAbility(a, 'followUps', 'write');
      case 'closure_proposed':
        return hasCaseAbility(a, 'closure', 'write');
      case 'intervention_added':
        return hasCaseAbility(a, 'interventions', 'write');
      case 'review':
      case 'closure_approved':
        return hasCaseAbility(a, 'closure', 'approve');
      case 'plan_approved':
        return hasCaseAbility(a, 'plan', 'approve');
      default:
        return false;
    }
  });
}

export interface MeetingFacts {
  meetingId: string;
  forumKind: string;
  itemKind: string;
  /** The Danish day the meeting was held (or today, when it lies ahead). */
  day: string;
}

/**
 * Makes the decision through the record's module inside `trx`; what was made (its id). A
 * decision that does not fit the item answers 400 on `body.action.kind`.
 */
export async function actOnRecord(
  trx: Transaction<DB>,
  ctx: RequestContext,
  meeting: MeetingFacts,
  item: ItemAccess,
  action: MinutesActionInput,
  now: Date,
  versions: RecordVersions = {},
): Promise<{ resourceId: string }> {
  const steering =
    action.kind === 'plan_approved' &&
    item.kind !== 'topic' &&
    (await getSettings(trx, item.access.municipalityCode)).planApproval === 'steering_group';
  if (!decisionsOfItem(meeting.forumKind, meeting.itemKind, steering).includes(action.kind)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.action.kind', code: 'minutes_action_not_for_item' }],
    });
  }
  const joined = joinedContext(ctx, trx);
  if (action.kind === 'inquiry_decision') {
    if (item.kind !== 'inquiry') throw new AppError('not_found');
    const settings = await getSettings(trx, item.access.municipalityCode);
    await decide(
      joined,
      item.access,
      settings,
      { ...action.decision, version: versions.inquiryVersion ?? item.access.version },
      now,
    );
    // The inquiry's history names the meeting (the decision's own entry is written by decide).
    await recordChange(trx, ctx, item.access, {
      kind: 'meeting_decision_recorded',
      changes: { meetingId: meeting.meetingId, meetingOn: meeting.day },
      audit: { action: 'update', details: { meetingId: meeting.meetingId } },
    });
    return { resourceId: item.access.inquiryId };
  }
  if (item.kind !== 'case') throw new AppError('not_found');
  const access = item.access;
  if (versions.caseVersion !== undefined) {
    // The case as the writer saw it: a change since then answers 409 with the case's version.
    const { version } = await lockCase(trx, access);
    if (version !== versions.caseVersion) throw staleVersion(version);
  }
  const resourceId = await actOnCase(trx, joined, access, meeting, action, now);
  await recordCaseChange(trx, ctx, access, {
    kind: 'meeting_decision_recorded',
    changes: { meeting: { from: null, to: meeting.day } },
    action: 'update',
    resourceType: 'meeting',
    resourceId: meeting.meetingId,
    details: { meetingId: meeting.meetingId, decision: action.kind, resourceId },
  });
  return { resourceId };
}

/**
 * The id of what the record's module made. A client id it already knew (`created: false`) was
 * not made at this meeting: refused, so the minutes do not record it as done here.
 */
function madeNow(made: { id: string; created: boolean }): string {
  if (!made.created) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.action', code: 'minutes_action_exists' }],
    });
  }
  return made.id;
}

async function actOnCase(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  meeting: MeetingFacts,
  action: Exclude<MinutesActionInput, { kind: 'inquiry_decision' }>,
  now: Date,
): Promise<string> {
  switch (action.kind) {
    case 'concern_level': {
      // A new concern level is a follow-up held at the meeting and recorded at once.
      const made = await addFollowUp(
        ctx,
        access,
        {
          heldOn: meeting.day,
          concernLevel: action.concernLevel,
          summary: action.summary ?? null,
          goalProgress: [],
        },
        now,
      );
      return made.id;
    }
    case 'closure_proposed':
      return madeNow(await proposeClosure(ctx, access, action.closure));
    case 'closure_approved': {
      // Confirmed at the meeting: against the case as it is now (its version read in this transaction).
      const { version } = await lockCase(trx, access);
      await approveClosure(ctx, access, action.closureId, { caseVersion: version }, now);
      return action.closureId;
    }
    case 'review':
      await recordReview(ctx, access, action.reviewId, action.review, now);
      return action.reviewId;
    case 'plan_approved': {
      // Where the steering group approves plans (model 3), the meeting's day is its meeting.
      const settings = await getSettings(ctx.db, access.municipalityCode);
      const steering = settings.planApproval === 'steering_group';
      await approvePlan(
        ctx,
        access,
        action.planId,
        { version: action.planVersion, ...(steering && { steeringGroupMeetingOn: meeting.day }) },
        now,
      );
      return action.planId;
    }
    case 'intervention_added':
      return madeNow(await createIntervention(ctx, access, action.intervention));
  }
}
