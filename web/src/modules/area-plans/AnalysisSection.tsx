import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../cases/format';
import { MutationFailure } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { AnalysisForm } from './AnalysisForm';
import {
  createAnalysis,
  useAnalyses,
  useRefreshAreaPlans,
  type Analysis,
  type AnalysisList,
} from './areaPlansApi';
import { connectorLabel, namesOf } from './labels';

/** One version of the analysis, read-only. */
function AnalysisView({
  analysis,
  options,
}: {
  analysis: Analysis;
  options: AnalysisList['options'];
}) {
  const { t } = useTranslation();
  const zones = options.zones;
  const connectors = options.connectors.map((c) => ({ id: c.id, label: connectorLabel(t, c) }));
  return (
    <dl className="area-plan-summary">
      <dt>{t('areaPlans.analysis.groups')}</dt>
      <dd>
        {analysis.groups.length === 0 ? (
          t('areaPlans.none')
        ) : (
          <ul>
            {analysis.groups.map((g) => (
              <li key={g.key}>
                <strong>{g.label}</strong>
                {g.description ? ` – ${g.description}` : ''}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('areaPlans.analysis.zones')}</dt>
      <dd>{namesOf(t, analysis.zoneIds, zones)}</dd>
      <dt>{t('areaPlans.analysis.environments')}</dt>
      <dd>{analysis.environments ?? t('areaPlans.none')}</dd>
      <dt>{t('areaPlans.analysis.connectors')}</dt>
      <dd>{namesOf(t, analysis.connectorIds, connectors)}</dd>
      <dt>{t('areaPlans.analysis.areaSigns')}</dt>
      <dd>
        {analysis.areaSigns.map((s) => t(`areaPlans.areaSign.${s}`)).join(', ') ||
          t('areaPlans.none')}
      </dd>
      <dt>{t('areaPlans.analysis.groupSigns')}</dt>
      <dd>
        {analysis.groupSigns.map((s) => t(`areaPlans.groupSign.${s}`)).join(', ') ||
          t('areaPlans.none')}
      </dd>
      <dt>{t('areaPlans.analysis.summary')}</dt>
      <dd className="pre-wrap">{analysis.summary ?? t('areaPlans.none')}</dd>
    </dl>
  );
}

/**
 * "Områdeanalyse": the newest version (or a chosen earlier one), read-only, with the team's
 * actions from the abilities the server sent: edit the newest, start a new version (a copy).
 */
export function AnalysisSection({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useAnalyses(areaId);
  const refresh = useRefreshAreaPlans(areaId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createAnalysis(areaId),
    onSuccess: async (made) => {
      await refresh();
      setChosen(made.id);
      setEditing(true);
    },
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {t('areaPlans.analysis.heading')}
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
          const shown = list.items.find((a) => a.id === chosen) ?? list.items[0];
          return (
            <>
              <MutationFailure
                mutations={create}
                onReload={() => refresh()}
                errorTitle={t('areaPlans.saveError')}
              />
              {!shown && <p>{t('areaPlans.analysis.empty')}</p>}
              {shown && (
                <>
                  <h3>
                    {t('areaPlans.analysis.version', {
                      number: shown.number,
                      date: formatDay(shown.updatedAt),
                      name: shown.updatedBy.name,
                    })}
                  </h3>
                  {editing && shown.abilities.edit ? (
                    <AnalysisForm
                      key={`${shown.id}-${shown.version}`}
                      areaId={areaId}
                      analysis={shown}
                      options={list.options}
                      headingId={headingId}
                      onDone={(saved) => {
                        setEditing(false);
                        setNotice(saved ? t('areaPlans.analysis.saved') : null);
                      }}
                    />
                  ) : (
                    <AnalysisView analysis={shown} options={list.options} />
                  )}
                </>
              )}
              {!editing && (
                <div className="area-plan-actions">
                  {shown?.abilities.edit && (
                    <button
                      type="button"
                      className="button button-primary"
                      onClick={() => {
                        setNotice(null);
                        setEditing(true);
                      }}
                    >
                      {t('areaPlans.analysis.edit')}
                    </button>
                  )}
                  {list.abilities.create && (
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={create.isPending}
                      onClick={() => create.mutate()}
                    >
                      {shown ? t('areaPlans.analysis.newVersion') : t('areaPlans.analysis.start')}
                    </button>
                  )}
                </div>
              )}
              {list.items.length > 1 && (
                <nav aria-label={t('areaPlans.versions')}>
                  <h3>{t('areaPlans.versions')}</h3>
                  <ul className="nobullet-list">
                    {list.items.map((a) => (
                      <li key={a.id}>
                        <button
                          type="button"
                          className="button-unstyled function-link"
                          aria-current={a.id === shown?.id ? 'true' : undefined}
                          onClick={() => {
                            setEditing(false);
                            setChosen(a.id);
                          }}
                        >
                          {t('areaPlans.analysis.version', {
                            number: a.number,
                            date: formatDay(a.updatedAt),
                            name: a.updatedBy.name,
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
