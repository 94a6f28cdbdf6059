import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_PLAN_REFLECTIONS } from '../../../../shared/housing-areas.ts';
import { formatDay } from '../cases/format';
import type { AreaGoal, AreaPlan } from './areaPlansApi';
import { GoalFollowUpForm } from './GoalFollowUpForm';
import { connectorLabel, namesOf } from './labels';

function GoalView({ areaId, plan, goal }: { areaId: string; plan: AreaPlan; goal: AreaGoal }) {
  const { t } = useTranslation();
  const [following, setFollowing] = useState(false);
  // The connectors as saved with the goal: an approved version's text never changes.
  const connectors = goal.connectors.map((c) => ({ id: c.id, label: connectorLabel(t, c) }));
  return (
    <li className="area-plan-goal">
      <h4 id={`goal-${goal.key}`} tabIndex={-1}>
        {goal.title}
      </h4>
      {goal.description && <p className="pre-wrap">{goal.description}</p>}
      <dl className="area-plan-summary">
        <dt>{t('areaPlans.goal.responsible')}</dt>
        <dd>{goal.responsible.name}</dd>
        <dt>{t('areaPlans.goal.dueOn')}</dt>
        <dd>{formatDay(goal.dueOn)}</dd>
        <dt>{t('areaPlans.goal.reviewOn')}</dt>
        <dd>{goal.reviewOn ? formatDay(goal.reviewOn) : t('areaPlans.none')}</dd>
        <dt>{t('areaPlans.goal.connectors')}</dt>
        <dd>{namesOf(t, goal.connectorIds, connectors)}</dd>
        <dt>{t('areaPlans.followUp.status')}</dt>
        <dd>{t(`areaPlans.goalStatus.${goal.status}`)}</dd>
      </dl>
      {goal.history.length > 0 && (
        <details className="details">
          <summary className="details-summary">
            {t('areaPlans.followUp.history', { count: goal.history.length })}
          </summary>
          <div className="details-text">
            <ul className="nobullet-list">
              {goal.history.map((h) => (
                <li key={h.id}>
                  {t('areaPlans.followUp.entry', {
                    date: formatDay(h.recordedOn),
                    status: t(`areaPlans.goalStatus.${h.status}`),
                    name: h.recordedBy.name,
                  })}
                  {h.note ? ` – ${h.note}` : ''}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {plan.abilities.followUp &&
        (following ? (
          <GoalFollowUpForm
            areaId={areaId}
            planId={plan.id}
            goal={goal}
            onDone={() => setFollowing(false)}
          />
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setFollowing(true)}
          >
            {t('areaPlans.followUp.start', { title: goal.title })}
          </button>
        ))}
    </li>
  );
}

/** One version of the area action plan, read-only, with its goals' follow-up. */
export function AreaPlanView({ areaId, plan }: { areaId: string; plan: AreaPlan }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="area-plan-summary">
        {AREA_PLAN_REFLECTIONS.map((q) => (
          <div key={q}>
            <dt>{t(`areaPlans.reflection.${q}`)}</dt>
            <dd className="pre-wrap">{plan.reflection[q] ?? t('areaPlans.none')}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('areaPlans.plan.goals')}</h3>
      {plan.goals.length === 0 ? (
        <p>{t('areaPlans.plan.noGoals')}</p>
      ) : (
        <ul className="nobullet-list">
          {plan.goals.map((g) => (
            <GoalView key={g.key} areaId={areaId} plan={plan} goal={g} />
          ))}
        </ul>
      )}
    </>
  );
}
