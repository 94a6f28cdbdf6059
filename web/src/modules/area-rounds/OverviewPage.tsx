import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';
import type { AreaContextValue } from '../housing-areas/areaContext';
import { OverviewChanges } from './OverviewChanges';
import { useOverview } from './roundsApi';
import { SystematiseForm } from './SystematiseForm';

/**
 * A round's area overview (/boligomraader/:id/kortlaegning/:roundId/overblik): systematising a
 * closed round, the overview with "Ændret siden sidste runde", and correcting its wording. An
 * aggregate-only caller sees the counts per category.
 */
export function OverviewPage({ area }: { area: AreaContextValue['area'] }) {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const headingId = useId();
  const query = useOverview(area.id, roundId);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('areaRounds.overview.title', { area: area.name }));
  // MutationFailure clears the stale notice once this promise settles.
  const reload = async () => {
    await query.refetch();
    setFormKey((k) => k + 1);
  };
  return (
    <section aria-labelledby={headingId}>
      <p>
        <Link to=".." relative="path">
          {t('areaRounds.backToRound')}
        </Link>
      </p>
      <QueryState
        query={query}
        loading={t('areaRounds.loading')}
        loadError={t('areaRounds.loadError')}
      >
        {(data) => (
          <>
            <h2 id={headingId}>
              {t('areaRounds.overview.heading', { number: data.round.number })}
            </h2>
            <p className="form-hint">{t('areaRounds.source')}</p>
            {data.proposal && (
              <SystematiseForm
                key={formKey}
                areaId={area.id}
                roundId={roundId}
                items={data.proposal}
                version={data.round.version}
                update={false}
                parts={data.parts}
                onReload={reload}
              />
            )}
            {data.overview && (
              <>
                <h3>
                  {data.changes
                    ? t('areaRounds.overview.changedSince', {
                        number: data.changes.previousRoundNumber,
                      })
                    : t('areaRounds.overview.items')}
                </h3>
                <OverviewChanges
                  entries={
                    data.changes?.entries ??
                    data.overview.items.map((item) => ({
                      item,
                      change: 'new' as const,
                      previous: null,
                    }))
                  }
                  parts={data.parts}
                  compared={data.changes !== null}
                  caption={t('areaRounds.overview.caption', { number: data.round.number })}
                />
                {data.round.abilities.editOverview &&
                  (editing ? (
                    <SystematiseForm
                      key={`edit-${formKey}`}
                      areaId={area.id}
                      roundId={roundId}
                      items={data.overview.items}
                      version={data.overview.version}
                      update
                      parts={data.parts}
                      onReload={reload}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setEditing(true)}
                    >
                      {t('areaRounds.overview.edit')}
                    </button>
                  ))}
              </>
            )}
            {!data.overview && !data.proposal && (
              <ul>
                {data.counts.map((c) => (
                  <li key={`${c.category}:${c.stance}`}>
                    {t(`areaRounds.category.${c.category}`)} ({t(`areaRounds.stance.${c.stance}`)}):{' '}
                    {c.count}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
