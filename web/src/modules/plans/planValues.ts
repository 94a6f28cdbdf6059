import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { GoalStatus } from '../../../../shared/values.ts';
import {
  ApprovePlanBody,
  RejectPlanBody,
  UpdatePlanBody,
} from '../../../../server/modules/plans/schema.ts';
import { addBodyIssues, renameServerErrors } from '../../ui/form/bodySchema';
import type { ApprovePlanRequest, Plan, PlanList, UpdatePlanRequest } from './plansApi';

/**
 * The action plan's forms: the values the editor holds, the request body they become
 * (`UpdatePlanBody` of server/modules/plans/schema.ts), and the names of the body's fields as
 * the form's, for the browser's problems and the server's alike.
 */

export type GoalValues = {
  key: string;
  parentKey: string | null;
  text: string;
  /** '' = not chosen, 'other' = a person who is not on the case, else a member's user id. */
  responsible: string;
  otherName: string;
  targetDate: string;
  status: GoalStatus;
};

export type PlanValues = {
  purpose: string;
  goals: GoalValues[];
  /** Objects, as a field array holds them. */
  agreements: { text: string }[];
  citizenWishes: string;
  citizenParticipated: 'yes' | 'no' | null;
  startsOn: string;
  endsOn: string;
  nextFollowUpOn: string;
  /** A number, null while empty, or the text typed while it is not a number. */
  followUpIntervalDays: number | string | null;
  /** Only for a coordinator's approval when the steering group approves plans. */
  steeringGroupMeetingOn: string;
};

/** Top-level goals in their order, each followed by its sub-goals. */
export function ordered<T extends { key: string; parentKey: string | null }>(
  goals: readonly T[],
): T[] {
  const tops = goals.filter(
    (g) => g.parentKey === null || !goals.some((p) => p.key === g.parentKey),
  );
  return tops.flatMap((top) => [top, ...goals.filter((g) => g !== top && g.parentKey === top.key)]);
}

/** The editor's values for a version of the plan. */
export function planValues(plan: Plan): PlanValues {
  return {
    purpose: plan.purpose ?? '',
    goals: ordered(plan.goals).map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      text: g.text,
      responsible: !g.responsible ? '' : (g.responsible.userId ?? 'other'),
      otherName: g.responsible && g.responsible.userId === null ? g.responsible.name : '',
      targetDate: g.targetDate ?? '',
      status: g.status,
    })),
    agreements: plan.agreements.map((text) => ({ text })),
    citizenWishes: plan.citizenWishes ?? '',
    citizenParticipated:
      plan.citizenParticipated === null ? null : plan.citizenParticipated ? 'yes' : 'no',
    startsOn: plan.startsOn ?? '',
    endsOn: plan.endsOn ?? '',
    nextFollowUpOn: plan.nextFollowUpOn ?? '',
    followUpIntervalDays: plan.followUpIntervalDays,
    steeringGroupMeetingOn: '',
  };
}

export function newGoal(parentKey: string | null): GoalValues {
  return {
    key: crypto.randomUUID(),
    parentKey,
    text: '',
    responsible: '',
    otherName: '',
    targetDate: '',
    status: 'not_started',
  };
}

/** The body of a save: empty fields as null; a goal's missing responsible person is left out. */
export function toPlanBody(values: PlanValues, version: number): UpdatePlanRequest {
  const interval = values.followUpIntervalDays;
  return {
    version,
    purpose: values.purpose.trim() || null,
    goals: values.goals.map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      text: g.text,
      ...(g.responsible === 'other'
        ? { responsible: { name: g.otherName } }
        : g.responsible
          ? { responsible: { userId: g.responsible } }
          : {}),
      // Required: an empty one is sent as '' and named as a missing value.
      targetDate: g.targetDate,
      status: g.status,
    })),
    agreements: values.agreements.map((a) => a.text),
    citizenWishes: values.citizenWishes.trim() || null,
    citizenParticipated:
      values.citizenParticipated === null ? null : values.citizenParticipated === 'yes',
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    nextFollowUpOn: values.nextFollowUpOn || null,
    // Text that is not a number is sent as it is, for the schema to name.
    followUpIntervalDays: (interval === '' ? null : interval) as number | null,
  };
}

/**
 * The form's path for a path in the request body or the stored plan: a goal's responsible person
 * is the choice (`responsible`) or the other person's name (`otherName`); a goal's key and parent
 * are named at its text; an agreement is the text of its row. Null: not a field of the form.
 */
export function formPath(bodyPath: string): string | null {
  const goal = /^goals\.(\d+)\.(\w+)(?:\.(\w+))?$/.exec(bodyPath);
  if (goal) {
    const [, index, field, part] = goal;
    if (field === 'responsible') {
      return `goals.${index}.${part === 'name' ? 'otherName' : 'responsible'}`;
    }
    if (field === 'key' || field === 'parentKey') return `goals.${index}.text`;
    return `goals.${index}.${field}`;
  }
  const agreement = /^agreements\.(\d+)$/.exec(bodyPath);
  if (agreement) return `agreements.${agreement[1]}.text`;
  if (bodyPath === 'version' || bodyPath === 'status') return null;
  return bodyPath;
}

/**
 * The editor's check: its values made into the body and checked with the server's
 * `UpdatePlanBody`, each problem at the form's field; a steering group meeting date, when given,
 * by `ApprovePlanBody`. Whether the date is required is the server's to say.
 */
export const PlanFormSchema = z
  .custom<PlanValues>(() => true)
  .superRefine((values, ctx) => {
    const taken = addBodyIssues(ctx, UpdatePlanBody, toPlanBody(values, 1), formPath);
    if (values.steeringGroupMeetingOn) {
      const approval = { version: 1, steeringGroupMeetingOn: values.steeringGroupMeetingOn };
      addBodyIssues(ctx, ApprovePlanBody, approval, formPath, taken);
    }
  });

/**
 * The server's field problems at the form's fields: the body's (`body.goals.1.responsible`) and
 * those of the stored plan checked at submission and approval (`plan.goals.1.responsible`).
 * Others (`plan.status`, `case.status`) stay as they are and are shown without a field.
 */
export function toFormErrors(error: unknown): unknown {
  return renameServerErrors(error, formPath, ['body', 'plan']);
}

/**
 * The body of an approval (of a submitted plan, or of the editor's at once): the steering group's
 * meeting date only when the steering group approves plans and a date was given.
 */
export function approveBody(
  version: number,
  approval: PlanList['approval'],
  meetingOn: string | undefined,
): ApprovePlanRequest {
  return {
    version,
    ...(approval === 'steering_group' && meetingOn && { steeringGroupMeetingOn: meetingOn }),
  };
}

/** The coordinator's approval of a submitted plan (nothing to fill in). */
export const ApproveFormSchema = ApprovePlanBody.omit({ version: true });

/** The approval when the steering group approves plans: the date of its meeting is required. */
export const MeetingFormSchema = ApproveFormSchema.required();

/** Sending a submitted plan back: the comment is required. */
export const RejectFormSchema = RejectPlanBody.omit({ version: true });

/** "Mål 2" or "Delmål 2.1", by the goal's place among the top-level goals and its siblings. */
export function goalTitle(
  goals: readonly Pick<GoalValues, 'key' | 'parentKey'>[],
  index: number,
  t: TFunction,
): string {
  const goal = goals[index];
  if (!goal) return '';
  const tops = goals.filter((g) => g.parentKey === null);
  if (goal.parentKey === null) {
    return t('plans.goalTitle', { number: tops.indexOf(goal) + 1 });
  }
  const parent = tops.findIndex((g) => g.key === goal.parentKey);
  const siblings = goals.filter((g) => g.parentKey === goal.parentKey);
  return t('plans.subGoalTitle', { number: `${parent + 1}.${siblings.indexOf(goal) + 1}` });
}
