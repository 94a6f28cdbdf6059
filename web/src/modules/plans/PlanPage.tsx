import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { StaleNotice } from '../../ui/StaleNotice';
import { TextField } from '../../ui/TextField';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { formatDate, formatDay } from '../cases/format';
import {
  approvePlan,
  createDraft,
  planPdfUrl,
  rejectPlan,
  savePlan,
  submitPlan,
  usePlans,
  type Goal,
  type Plan,
  type PlanList,
  type UpdatePlanRequest,
} from './plansApi';
import './plans.css';

const GOAL_STATUSES = [
  'not_started',
  'in_progress',
  'achieved',
  'partly_achieved',
  'not_achieved',
  'dropped',
] as const;
type GoalStatus = (typeof GOAL_STATUSES)[number];
type Approval = PlanList['approval'];

/**
 * "Handleplan" (NCFE tool 5, goals and agreements): the approved plan, the version being worked
 * on (draft, submitted or sent back) with its state and the coordinator's comment, the version
 * history, and for the members with the whole case a form to write the draft. The case's
 * coordinators approve or send back; with the steering group as approver (model 3) they record
 * the date of its meeting. The plan can be downloaded as a PDF for the citizen.
 */
export function PlanPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  usePageTitle(`${t('plans.title')} – ${t('cases.detail.title', { reference: detail.reference })}`);
  const plans = usePlans(detail.id);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby={headingId} className="case-section plan-page">
      <h2 id={headingId}>{t('plans.title')}</h2>
      <p>{t('plans.intro')}</p>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {plans.isPending ? (
        <Loading label={t('plans.loading')} />
      ) : plans.isError ? (
        <ErrorAlert
          title={t('plans.loadError')}
          error={plans.error}
          onRetry={() => void plans.refetch()}
        />
      ) : (
        <PlanContent detail={detail} list={plans.data} onNotice={setNotice} />
      )}
    </section>
  );
}

function PlanContent({
  detail,
  list,
  onNotice,
}: {
  detail: CaseDetail;
  list: PlanList;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const { items, approval } = list;
  const approved = items.find((p) => p.status === 'approved') ?? null;
  const newest = items[0] ?? null;
  // The version being worked on: the newest, when it is not (yet) approved or replaced.
  const working =
    newest &&
    (newest.status === 'draft' || newest.status === 'submitted' || newest.status === 'rejected')
      ? newest
      : null;
  const canWrite = detail.abilities.plan.write;
  const isCoordinator = detail.abilities.plan.approve;
  const [resets, setResets] = useState(0);

  return (
    <>
      {items.length > 0 && (
        <p>
          <a className="icon-link" href={planPdfUrl(detail.id)} download>
            {t('plans.downloadPdf')}
          </a>
        </p>
      )}

      {items.length === 0 && <p>{t('plans.none')}</p>}

      {approved && (
        <section className="plan-version" aria-labelledby={`plan-approved-${approved.id}`}>
          <h3 id={`plan-approved-${approved.id}`}>
            {t('plans.approvedHeading', { number: approved.number })}
          </h3>
          <ApprovalFacts plan={approved} />
          <PlanView plan={approved} />
        </section>
      )}

      {working && (
        <section className="plan-version" aria-labelledby={`plan-working-${working.id}`}>
          <h3 id={`plan-working-${working.id}`}>
            {t('plans.workingHeading', { number: working.number })}
          </h3>
          <WorkingState plan={working} />
          {working.status === 'submitted' ? (
            <>
              <PlanView plan={working} />
              {isCoordinator && (
                <DecisionPanel
                  detail={detail}
                  plan={working}
                  approval={approval}
                  onNotice={onNotice}
                />
              )}
            </>
          ) : canWrite ? (
            <PlanEditor
              key={`${working.id}-${resets}`}
              detail={detail}
              plan={working}
              approval={approval}
              isCoordinator={isCoordinator}
              onNotice={onNotice}
              onReset={() => setResets((n) => n + 1)}
            />
          ) : (
            <PlanView plan={working} />
          )}
        </section>
      )}

      {canWrite && !working && (
        <NewVersion detail={detail} hasPlan={items.length > 0} onNotice={onNotice} />
      )}

      {items.length > 0 && <VersionHistory caseId={detail.id} items={items} />}
    </>
  );
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

/** Top-level goals in their order, each followed by its sub-goals. */
function ordered<T extends { key: string; parentKey: string | null }>(goals: readonly T[]): T[] {
  const tops = goals.filter(
    (g) => g.parentKey === null || !goals.some((p) => p.key === g.parentKey),
  );
  return tops.flatMap((top) => [top, ...goals.filter((g) => g !== top && g.parentKey === top.key)]);
}

function GoalLine({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="plan-goal-text">{goal.text}</span>
      <span className="plan-goal-meta">
        {t('plans.view.responsible')}: {goal.responsible?.name || t('plans.view.notGiven')} ·{' '}
        {t('plans.view.targetDate')}:{' '}
        {goal.targetDate ? formatDate(goal.targetDate) : t('plans.view.notGiven')} ·{' '}
        {t('plans.view.status')}: {t(`cases.goalStatus.${goal.status}`)}
      </span>
    </>
  );
}

function GoalList({ goals }: { goals: Goal[] }) {
  const { t } = useTranslation();
  const tops = goals.filter((g) => g.parentKey === null);
  if (tops.length === 0) return <p>{t('plans.view.noGoals')}</p>;
  return (
    <ol className="plan-goals">
      {tops.map((top) => {
        const children = goals.filter((g) => g.parentKey === top.key);
        return (
          <li key={top.key}>
            <GoalLine goal={top} />
            {children.length > 0 && (
              <ol className="plan-subgoals">
                {children.map((child) => (
                  <li key={child.key}>
                    <GoalLine goal={child} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const date = (value: string | null) => (value ? formatDate(value) : t('plans.view.notGiven'));
  return (
    <>
      <h4>{t('plans.fields.purpose')}</h4>
      <p className="case-text">{plan.purpose || t('plans.view.notGiven')}</p>
      <h4>{t('plans.fields.goals')}</h4>
      <GoalList goals={plan.goals} />
      <h4>{t('plans.fields.agreements')}</h4>
      {plan.agreements.length > 0 ? (
        <ul>
          {plan.agreements.map((agreement, i) => (
            <li key={i}>{agreement}</li>
          ))}
        </ul>
      ) : (
        <p>{t('plans.view.noAgreements')}</p>
      )}
      <dl className="case-facts">
        <dt>{t('plans.fields.citizenWishes')}</dt>
        <dd className="case-text">{plan.citizenWishes || t('plans.view.notGiven')}</dd>
        <dt>{t('plans.fields.citizenParticipated')}</dt>
        <dd>
          {plan.citizenParticipated === null
            ? t('plans.view.notGiven')
            : plan.citizenParticipated
              ? t('plans.yes')
              : t('plans.no')}
        </dd>
        <dt>{t('plans.fields.startsOn')}</dt>
        <dd>{date(plan.startsOn)}</dd>
        <dt>{t('plans.fields.endsOn')}</dt>
        <dd>{date(plan.endsOn)}</dd>
        <dt>{t('plans.fields.nextFollowUpOn')}</dt>
        <dd>{date(plan.nextFollowUpOn)}</dd>
        <dt>{t('plans.fields.followUpIntervalDays')}</dt>
        <dd>
          {plan.followUpIntervalDays === null
            ? t('plans.view.notGiven')
            : t('plans.view.everyDays', { days: plan.followUpIntervalDays })}
        </dd>
      </dl>
    </>
  );
}

function ApprovalFacts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <p className="plan-state">
      {t('plans.approvedBy', {
        name: plan.decidedBy?.name ?? t('plans.view.notGiven'),
        date: plan.decidedAt ? formatDay(plan.decidedAt) : t('plans.view.notGiven'),
      })}
      {plan.steeringGroupMeetingOn &&
        ` ${t('plans.steeringGroupOn', { date: formatDate(plan.steeringGroupMeetingOn) })}`}
    </p>
  );
}

/** Where the version being worked on stands, and the coordinator's comment when sent back. */
function WorkingState({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <div className="plan-state">
      <p>
        <span className="badge badge-info">{t(`plans.status.${plan.status}`)}</span>{' '}
        {plan.status === 'submitted' && plan.submittedBy && plan.submittedAt
          ? t('plans.submittedBy', {
              name: plan.submittedBy.name,
              date: formatDay(plan.submittedAt),
            })
          : t('plans.draftBy', { name: plan.createdBy.name, date: formatDay(plan.updatedAt) })}
      </p>
      {plan.decisionComment && (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-heading">
              {t('plans.sentBack', {
                name: plan.decidedBy?.name ?? '',
                date: plan.decidedAt ? formatDay(plan.decidedAt) : '',
              })}
            </p>
            <p className="alert-text case-text">{plan.decisionComment}</p>
          </div>
        </div>
      )}
    </div>
  );
}

function VersionHistory({ caseId, items }: { caseId: string; items: Plan[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('plans.history.heading')}</h3>
      <div className="table--responsive-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('plans.history.version')}</th>
              <th scope="col">{t('plans.history.status')}</th>
              <th scope="col">{t('plans.history.createdBy')}</th>
              <th scope="col">{t('plans.history.decided')}</th>
              <th scope="col">{t('plans.history.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">{plan.number}</th>
                <td>{t(`plans.status.${plan.status}`)}</td>
                <td>
                  {plan.createdBy.name} ({formatDay(plan.createdAt)})
                </td>
                <td>
                  {plan.decidedBy && plan.decidedAt
                    ? `${plan.decidedBy.name} (${formatDay(plan.decidedAt)})`
                    : '–'}
                </td>
                <td>
                  <a href={planPdfUrl(caseId, plan.id)} download>
                    {t('plans.history.download', { number: plan.number })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
}

function NewVersion({
  detail,
  hasPlan,
  onNotice,
}: {
  detail: CaseDetail;
  hasPlan: boolean;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: () => createDraft(detail.id),
    onMutate: () => onNotice(null),
    onSuccess: async () => {
      onNotice(t('plans.notice.created'));
      await refresh();
    },
  });
  return (
    <div className="plan-actions">
      {mutation.error !== null && (
        <ErrorAlert title={t('plans.actionError')} error={mutation.error} />
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {hasPlan ? t('plans.newVersion') : t('plans.create')}
      </button>
    </div>
  );
}

interface GoalForm {
  key: string;
  parentKey: string | null;
  text: string;
  /** '' = not chosen, 'other' = a person who is not on the case, else a member's user id. */
  responsible: string;
  otherName: string;
  targetDate: string;
  status: GoalStatus;
}

interface PlanForm {
  purpose: string;
  goals: GoalForm[];
  agreements: string[];
  citizenWishes: string;
  citizenParticipated: 'yes' | 'no' | null;
  startsOn: string;
  endsOn: string;
  nextFollowUpOn: string;
  followUpIntervalDays: string;
}

function formOf(plan: Plan): PlanForm {
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
    agreements: [...plan.agreements],
    citizenWishes: plan.citizenWishes ?? '',
    citizenParticipated:
      plan.citizenParticipated === null ? null : plan.citizenParticipated ? 'yes' : 'no',
    startsOn: plan.startsOn ?? '',
    endsOn: plan.endsOn ?? '',
    nextFollowUpOn: plan.nextFollowUpOn ?? '',
    followUpIntervalDays:
      plan.followUpIntervalDays === null ? '' : String(plan.followUpIntervalDays),
  };
}

/** The body of a save: empty fields as null; a goal's missing responsible person is left out. */
function bodyOf(form: PlanForm, version: number): UpdatePlanRequest {
  const interval = form.followUpIntervalDays.trim();
  return {
    version,
    purpose: form.purpose.trim() || null,
    goals: form.goals.map((g) => ({
      key: g.key,
      parentKey: g.parentKey,
      text: g.text,
      ...(g.responsible === 'other'
        ? { responsible: { name: g.otherName } }
        : g.responsible
          ? { responsible: { userId: g.responsible } }
          : {}),
      // Required: an empty one is sent as '' and named by the server as a missing value.
      targetDate: g.targetDate,
      status: g.status,
    })),
    agreements: form.agreements,
    citizenWishes: form.citizenWishes.trim() || null,
    citizenParticipated:
      form.citizenParticipated === null ? null : form.citizenParticipated === 'yes',
    startsOn: form.startsOn || null,
    endsOn: form.endsOn || null,
    nextFollowUpOn: form.nextFollowUpOn || null,
    followUpIntervalDays: interval === '' ? null : Number(interval),
  };
}

const newGoal = (parentKey: string | null): GoalForm => ({
  key: crypto.randomUUID(),
  parentKey,
  text: '',
  responsible: '',
  otherName: '',
  targetDate: '',
  status: 'not_started',
});

type EditorAction = 'save' | 'submit' | 'approve';

function PlanEditor({
  detail,
  plan,
  approval,
  isCoordinator,
  onNotice,
  onReset,
}: {
  detail: CaseDetail;
  plan: Plan;
  approval: Approval;
  isCoordinator: boolean;
  onNotice: (text: string | null) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const refresh = useRefresh();
  const [form, setForm] = useState<PlanForm>(() => formOf(plan));
  const [meetingOn, setMeetingOn] = useState('');
  const mutation = useMutation({
    mutationFn: async (action: EditorAction) => {
      const saved = await savePlan(detail.id, plan.id, bodyOf(form, plan.version));
      if (action === 'submit') return submitPlan(detail.id, saved.id, saved.version);
      if (action === 'approve') {
        return approvePlan(detail.id, saved.id, {
          version: saved.version,
          ...(approval === 'steering_group' && meetingOn && { steeringGroupMeetingOn: meetingOn }),
        });
      }
      return saved;
    },
    onMutate: () => onNotice(null),
    onSuccess: (_, action) => onNotice(t(`plans.notice.${action}`)),
    // Also after a failure: a save may have gone through before the submission was refused.
    onSettled: () => refresh(),
  });
  const errors = fieldErrors(mutation.error);
  const err = (name: string) => errors[`body.${name}`] ?? errors[`plan.${name}`];
  const id = (name: string) => `${base}-${name}`;

  const setGoal = (index: number, change: Partial<GoalForm>) =>
    setForm({
      ...form,
      goals: form.goals.map((g, i) => (i === index ? { ...g, ...change } : g)),
    });
  const addGoal = () => setForm({ ...form, goals: [...form.goals, newGoal(null)] });
  const addSubGoal = (parent: GoalForm) => {
    // After the parent's last sub-goal, so the list keeps each goal's sub-goals under it.
    const last = form.goals.reduce(
      (at, g, i) => (g.key === parent.key || g.parentKey === parent.key ? i : at),
      -1,
    );
    const goals = [...form.goals];
    goals.splice(last + 1, 0, newGoal(parent.key));
    setForm({ ...form, goals });
  };
  const removeGoal = (goal: GoalForm) =>
    setForm({
      ...form,
      goals: form.goals.filter((g) => g.key !== goal.key && g.parentKey !== goal.key),
    });

  const summaryFields: FormField[] = [
    { name: 'body.purpose', id: id('purpose'), label: t('plans.fields.purpose') },
    { name: 'plan.goals', id: id('add-goal'), label: t('plans.fields.goals') },
    ...form.goals.flatMap((g, i) =>
      (['text', 'responsible', 'targetDate', 'status', 'parentKey', 'key'] as const).flatMap(
        (name) => {
          const label = `${goalTitle(form.goals, i, t)} – ${t(`plans.goalFields.${name}`)}`;
          const target = id(
            `goal-${g.key}-${name === 'parentKey' || name === 'key' ? 'text' : name}`,
          );
          return [
            { name: `body.goals.${i}.${name}`, id: target, label },
            { name: `plan.goals.${i}.${name}`, id: target, label },
          ];
        },
      ),
    ),
    ...form.agreements.map((_, i) => ({
      name: `body.agreements.${i}`,
      id: id(`agreement-${i}`),
      label: t('plans.agreementLabel', { number: i + 1 }),
    })),
    { name: 'body.citizenWishes', id: id('wishes'), label: t('plans.fields.citizenWishes') },
    {
      name: 'body.citizenParticipated',
      id: id('participated'),
      label: t('plans.fields.citizenParticipated'),
    },
    { name: 'body.startsOn', id: id('starts'), label: t('plans.fields.startsOn') },
    { name: 'body.endsOn', id: id('ends'), label: t('plans.fields.endsOn') },
    { name: 'plan.endsOn', id: id('ends'), label: t('plans.fields.endsOn') },
    { name: 'body.nextFollowUpOn', id: id('next'), label: t('plans.fields.nextFollowUpOn') },
    {
      name: 'body.followUpIntervalDays',
      id: id('interval'),
      label: t('plans.fields.followUpIntervalDays'),
    },
    {
      name: 'body.steeringGroupMeetingOn',
      id: id('meeting'),
      label: t('plans.steeringGroupMeetingOn'),
    },
    { name: 'plan.status', id: id('purpose'), label: t('plans.fields.state') },
    { name: 'case.status', id: id('purpose'), label: t('plans.fields.caseState') },
  ];

  const run = (action: EditorAction) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!mutation.isPending) mutation.mutate(action);
  };

  const goalFields = (goal: GoalForm, index: number): ReactNode => (
    <>
      <TextArea
        id={id(`goal-${goal.key}-text`)}
        label={t('plans.goalFields.text')}
        error={
          err(`goals.${index}.text`) ?? err(`goals.${index}.parentKey`) ?? err(`goals.${index}.key`)
        }
        rows={2}
        maxLength={500}
        value={goal.text}
        onChange={(e) => setGoal(index, { text: e.target.value })}
      />
      <Select
        id={id(`goal-${goal.key}-responsible`)}
        label={t('plans.goalFields.responsible')}
        error={err(`goals.${index}.responsible`)}
        value={goal.responsible}
        onChange={(e) => setGoal(index, { responsible: e.target.value })}
      >
        <option value="">{t('plans.choose')}</option>
        {detail.members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
        <option value="other">{t('plans.otherPerson')}</option>
      </Select>
      {goal.responsible === 'other' && (
        <TextField
          id={id(`goal-${goal.key}-otherName`)}
          label={t('plans.otherPersonName')}
          hint={t('plans.otherPersonHint')}
          maxLength={200}
          value={goal.otherName}
          onChange={(e) => setGoal(index, { otherName: e.target.value })}
        />
      )}
      <TextField
        id={id(`goal-${goal.key}-targetDate`)}
        type="date"
        label={t('plans.goalFields.targetDate')}
        error={err(`goals.${index}.targetDate`)}
        widthClass="input-width-s"
        value={goal.targetDate}
        onChange={(e) => setGoal(index, { targetDate: e.target.value })}
      />
      <Select
        id={id(`goal-${goal.key}-status`)}
        label={t('plans.goalFields.status')}
        error={err(`goals.${index}.status`)}
        value={goal.status}
        onChange={(e) => setGoal(index, { status: e.target.value as GoalStatus })}
      >
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`cases.goalStatus.${s}`)}
          </option>
        ))}
      </Select>
    </>
  );

  return (
    <form noValidate onSubmit={run('save')} className="plan-form">
      {isStale(mutation.error) ? (
        <StaleNotice
          text={t('plans.stale')}
          reloadLabel={t('plans.reload')}
          onReload={() => {
            mutation.reset();
            void refresh().then(onReset);
          }}
        />
      ) : (
        <FormError error={mutation.error} fields={summaryFields} title={t('plans.actionError')} />
      )}

      <TextArea
        id={id('purpose')}
        label={t('plans.fields.purpose')}
        hint={t('plans.purposeHint')}
        error={err('purpose')}
        rows={3}
        maxLength={4000}
        value={form.purpose}
        onChange={(e) => setForm({ ...form, purpose: e.target.value })}
      />

      <fieldset className="plan-goals-form">
        <legend className="form-label">{t('plans.fields.goals')}</legend>
        {err('goals') && <p className="form-error-message">{err('goals')}</p>}
        {form.goals.map((goal, index) =>
          goal.parentKey === null ? (
            <fieldset key={goal.key} className="plan-goal-form">
              <legend className="h5">{goalTitle(form.goals, index, t)}</legend>
              {goalFields(goal, index)}
              {form.goals.map((sub, subIndex) =>
                sub.parentKey === goal.key ? (
                  <fieldset key={sub.key} className="plan-subgoal-form">
                    <legend className="h6">{goalTitle(form.goals, subIndex, t)}</legend>
                    {goalFields(sub, subIndex)}
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() => removeGoal(sub)}
                    >
                      {t('plans.removeSubGoal', { title: goalTitle(form.goals, subIndex, t) })}
                    </button>
                  </fieldset>
                ) : null,
              )}
              <div className="plan-goal-buttons">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => addSubGoal(goal)}
                >
                  {t('plans.addSubGoal', { title: goalTitle(form.goals, index, t) })}
                </button>
                <button
                  type="button"
                  className="button button-tertiary"
                  onClick={() => removeGoal(goal)}
                >
                  {t('plans.removeGoal', { title: goalTitle(form.goals, index, t) })}
                </button>
              </div>
            </fieldset>
          ) : null,
        )}
        <button
          id={id('add-goal')}
          type="button"
          className="button button-secondary"
          onClick={addGoal}
        >
          {t('plans.addGoal')}
        </button>
      </fieldset>

      <fieldset className="plan-agreements-form">
        <legend className="form-label">{t('plans.fields.agreements')}</legend>
        <span className="form-hint">{t('plans.agreementsHint')}</span>
        {form.agreements.map((agreement, i) => (
          <div key={i} className="plan-agreement-row">
            <TextField
              id={id(`agreement-${i}`)}
              label={t('plans.agreementLabel', { number: i + 1 })}
              error={err(`agreements.${i}`)}
              maxLength={500}
              value={agreement}
              onChange={(e) =>
                setForm({
                  ...form,
                  agreements: form.agreements.map((a, j) => (j === i ? e.target.value : a)),
                })
              }
            />
            <button
              type="button"
              className="button button-tertiary"
              onClick={() =>
                setForm({ ...form, agreements: form.agreements.filter((_, j) => j !== i) })
              }
            >
              {t('plans.removeAgreement', { number: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setForm({ ...form, agreements: [...form.agreements, ''] })}
        >
          {t('plans.addAgreement')}
        </button>
      </fieldset>

      <TextArea
        id={id('wishes')}
        label={t('plans.fields.citizenWishes')}
        hint={t('plans.wishesHint')}
        error={err('citizenWishes')}
        rows={3}
        maxLength={4000}
        value={form.citizenWishes}
        onChange={(e) => setForm({ ...form, citizenWishes: e.target.value })}
      />
      <RadioGroup<'yes' | 'no'>
        id={id('participated')}
        legend={t('plans.fields.citizenParticipated')}
        error={err('citizenParticipated')}
        inline
        options={[
          { value: 'yes', label: t('plans.yes') },
          { value: 'no', label: t('plans.no') },
        ]}
        value={form.citizenParticipated}
        onChange={(citizenParticipated) => setForm({ ...form, citizenParticipated })}
      />
      <TextField
        id={id('starts')}
        type="date"
        label={t('plans.fields.startsOn')}
        error={err('startsOn')}
        widthClass="input-width-s"
        value={form.startsOn}
        onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
      />
      <TextField
        id={id('ends')}
        type="date"
        label={t('plans.fields.endsOn')}
        error={err('endsOn')}
        widthClass="input-width-s"
        value={form.endsOn}
        onChange={(e) => setForm({ ...form, endsOn: e.target.value })}
      />
      <TextField
        id={id('next')}
        type="date"
        label={t('plans.fields.nextFollowUpOn')}
        error={err('nextFollowUpOn')}
        widthClass="input-width-s"
        value={form.nextFollowUpOn}
        onChange={(e) => setForm({ ...form, nextFollowUpOn: e.target.value })}
      />
      <TextField
        id={id('interval')}
        type="number"
        min={7}
        max={365}
        inputMode="numeric"
        label={t('plans.fields.followUpIntervalDays')}
        hint={t('plans.intervalHint')}
        error={err('followUpIntervalDays')}
        widthClass="input-char-4"
        value={form.followUpIntervalDays}
        onChange={(e) => setForm({ ...form, followUpIntervalDays: e.target.value })}
      />

      <div className="plan-actions">
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('plans.save')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={mutation.isPending}
          onClick={run('submit')}
        >
          {t('plans.submit')}
        </button>
      </div>

      {isCoordinator && (
        <div className="plan-approve">
          <h4>{t('plans.approveHeading')}</h4>
          <p>{t('plans.approveDirectHint')}</p>
          {approval === 'steering_group' && (
            <TextField
              id={id('meeting')}
              type="date"
              label={t('plans.steeringGroupMeetingOn')}
              hint={t('plans.steeringGroupHint')}
              error={err('steeringGroupMeetingOn')}
              widthClass="input-width-s"
              value={meetingOn}
              onChange={(e) => setMeetingOn(e.target.value)}
            />
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={run('approve')}
          >
            {t('plans.approve')}
          </button>
        </div>
      )}
    </form>
  );
}

/** "Mål 2" or "Delmål 2.1", by the goal's place among the top-level goals and its siblings. */
function goalTitle(goals: readonly GoalForm[], index: number, t: TFunction): string {
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

/** A submitted plan: the case's coordinator approves it or sends it back with a comment. */
function DecisionPanel({
  detail,
  plan,
  approval,
  onNotice,
}: {
  detail: CaseDetail;
  plan: Plan;
  approval: Approval;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const refresh = useRefresh();
  const [meetingOn, setMeetingOn] = useState('');
  const [comment, setComment] = useState('');
  const mutation = useMutation({
    mutationFn: (action: 'approve' | 'reject') =>
      action === 'approve'
        ? approvePlan(detail.id, plan.id, {
            version: plan.version,
            ...(approval === 'steering_group' &&
              meetingOn && { steeringGroupMeetingOn: meetingOn }),
          })
        : rejectPlan(detail.id, plan.id, { version: plan.version, comment }),
    onMutate: () => onNotice(null),
    onSuccess: async (_, action) => {
      onNotice(t(`plans.notice.${action === 'approve' ? 'approve' : 'reject'}`));
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  const err = (name: string) => errors[`body.${name}`] ?? errors[`plan.${name}`];
  const fields: FormField[] = [
    {
      name: 'body.steeringGroupMeetingOn',
      id: `${base}-meeting`,
      label: t('plans.steeringGroupMeetingOn'),
    },
    { name: 'body.comment', id: `${base}-comment`, label: t('plans.rejectComment') },
  ];
  const run = (action: 'approve' | 'reject') => (event: FormEvent) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate(action);
  };

  return (
    <div className="plan-decision">
      <h4>{t('plans.decisionHeading')}</h4>
      {isStale(mutation.error) ? (
        <StaleNotice
          text={t('plans.stale')}
          reloadLabel={t('plans.reload')}
          onReload={() => {
            mutation.reset();
            void refresh();
          }}
        />
      ) : (
        <FormError error={mutation.error} fields={fields} title={t('plans.actionError')} />
      )}
      <form noValidate onSubmit={run('approve')}>
        {approval === 'steering_group' && (
          <TextField
            id={`${base}-meeting`}
            type="date"
            label={t('plans.steeringGroupMeetingOn')}
            hint={t('plans.steeringGroupHint')}
            error={err('steeringGroupMeetingOn')}
            widthClass="input-width-s"
            value={meetingOn}
            onChange={(e) => setMeetingOn(e.target.value)}
          />
        )}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('plans.approve')}
        </button>
      </form>
      <form noValidate onSubmit={run('reject')}>
        <TextArea
          id={`${base}-comment`}
          label={t('plans.rejectComment')}
          hint={t('plans.rejectHint')}
          error={err('comment')}
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('plans.reject')}
        </button>
      </form>
    </div>
  );
}
