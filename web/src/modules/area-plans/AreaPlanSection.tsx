import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../cases/format';
import { MutationFailure } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { AreaPlanDecision } from './AreaPlanDecision';
import { AreaPlanForm } from './AreaPlanForm';
import { AreaPlanView } from './AreaPlanView';
import { createAreaPlan, useAreaPlans, useRefreshAreaPlans, type AreaPlan } from './areaPlansApi';
import { compareGoals } from './areaPlanValues';

/** What changed from the version this one was based on. */
function Changes({ plan, items }: { plan: AreaPlan; items: AreaPlan[] }) {
  const { t } = useTranslation();
  const before = items.find((p) => p.id === plan.basedOnId);
  if (!before) return null;
  const { added, removed, changed } = compareGoals(before, plan);
  const none = added.length + removed.length + changed.length === 0;
  return (
    <details className="details">
      <summary className="details-summary">
        {t('areaPlans.plan.changes', { number: before.number })}
      </summary>
      <div className="details-text">
        {none ? (
          <p>{t('areaPlans.plan.noChanges')}</p>
        ) : (
          <ul>
            {added.map((g) => (
              <li key={`a-${g}`}>{t('areaPlans.plan.added', { title: g })}</li>
            ))}
            {changed.map((g) => (
              <li key={`c-${g}`}>{t('areaPlans.plan.changed', { title: g })}</li>
            ))}
            {removed.map((g) => (
              <li key={`r-${g}`}>{t('areaPlans.plan.removed', { title: g })}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

/**
 * "Områdehandleplan": the newest version (or a chosen one) with its status, written as a draft,
 * submitted, approved by another coordinator, its goals followed up; every action from the
 * abilities the server sent with each version.
 */
export function AreaPlanSection({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useAreaPlans(areaId);
  const refresh = useRefreshAreaPlans(areaId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createAreaPlan(areaId),
    onSuccess: async (made) => {
      await refresh();
      setChosen(made.id);
    },
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('areaPlans.plan.heading')}
      </h2>
      {notice && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{notice}</p>
        </div>
      )}
      <QueryState
        query={query}
        loading={t('areaPlans.loading')}
        loadError={t('areaPlans.loadError')}
      >
        {(list) => {
          const shown = list.items.find((p) => p.id === chosen) ?? list.items[0];
          const open = list.items.some((p) => p.status === 'draft' || p.status === 'submitted');
          return (
            <>
              <MutationFailure
                mutations={create}
                onReload={() => refresh()}
                errorTitle={t('areaPlans.saveError')}
              />
              {!shown && <p>{t('areaPlans.plan.empty')}</p>}
              {shown && (
                <>
                  <h3>
                    {t('areaPlans.plan.version', {
                      number: shown.number,
                      status: t(`areaPlans.status.${shown.status}`),
                    })}
                  </h3>
                  {shown.approvedBy && shown.approvedAt && (
                    <p>
                      {t('areaPlans.plan.approvedBy', {
                        name: shown.approvedBy.name,
                        date: formatDay(shown.approvedAt),
                      })}
                    </p>
                  )}
                  {shown.status === 'draft' && shown.returnedComment && (
                    <div className="alert alert-warning">
                      <p className="alert-text">
                        {t('areaPlans.plan.returned', { comment: shown.returnedComment })}
                      </p>
                    </div>
                  )}
                  <Changes plan={shown} items={list.items} />
                  {shown.abilities.edit ? (
                    <AreaPlanForm
                      key={`${shown.id}-${shown.version}`}
                      areaId={areaId}
                      plan={shown}
                      options={list.options}
                      headingId={headingId}
                      onNotice={setNotice}
                    />
                  ) : (
                    <AreaPlanView areaId={areaId} plan={shown} />
                  )}
                  {shown.abilities.sendBack && (
                    <AreaPlanDecision areaId={areaId} plan={shown} onNotice={setNotice} />
                  )}
                </>
              )}
              {list.abilities.create && !open && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={create.isPending}
                  onClick={() => create.mutate()}
                >
                  {shown ? t('areaPlans.plan.newVersion') : t('areaPlans.plan.start')}
                </button>
              )}
              {list.items.length > 1 && (
                <nav aria-label={t('areaPlans.versions')}>
                  <h3>{t('areaPlans.versions')}</h3>
                  <ul className="nobullet-list">
                    {list.items.map((p) => (
                      <li key={p.id}>
                        <button
                          type="button"
                          className="button-unstyled function-link"
                          aria-current={p.id === shown?.id ? 'true' : undefined}
                          onClick={() => setChosen(p.id)}
                        >
                          {t('areaPlans.plan.version', {
                            number: p.number,
                            status: t(`areaPlans.status.${p.status}`),
                          })}
                        </button>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
