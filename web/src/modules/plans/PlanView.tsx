import { useTranslation } from 'react-i18next';
import { formatDate, formatDay } from '../cases/format';
import type { Goal, Plan } from './plansApi';

/** A version of the plan to read: its content, who approved it, where a draft stands. */

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

export function PlanView({ plan }: { plan: Plan }) {
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

export function ApprovalFacts({ plan }: { plan: Plan }) {
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
export function WorkingState({ plan }: { plan: Plan }) {
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
