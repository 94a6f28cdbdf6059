import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QueryState } from '../../ui/QueryState';
import { formatDate, formatDateTime } from '../cases/format';
import type { AreaContextValue } from '../housing-areas/areaContext';
import { ContributionForm } from './ContributionForm';
import { ContributionGroups } from './ContributionGroups';
import { closeRound, roundsKey, useRound } from './roundsApi';

/**
 * One mapping round: when it is due and held, who took part or its area meeting, the
 * contributions grouped by level and category (a partner sees only their own), the form for a
 * new contribution while the round is open, closing it, and the way to its overview.
 */
export function RoundPage({ area }: { area: AreaContextValue['area'] }) {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const headingId = useId();
  const queryClient = useQueryClient();
  const query = useRound(area.id, roundId);
  usePageTitle(t('areaRounds.round.title', { area: area.name }));
  const close = useMutation({
    mutationFn: (version: number) => closeRound(area.id, roundId, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundsKey(area.id) }),
  });
  return (
    <section aria-labelledby={headingId}>
      <p>
        <Link to="..">{t('areaRounds.back')}</Link>
      </p>
      <QueryState
        query={query}
        loading={t('areaRounds.loading')}
        loadError={t('areaRounds.loadError')}
      >
        {({ round, contributions, parts }) => (
          <>
            <h2 id={headingId}>
              {t('areaRounds.roundName', { number: round.number })} –{' '}
              {t(`areaRounds.status.${round.status}`)}
            </h2>
            <dl className="area-round-facts">
              <dt>{t('areaRounds.table.due')}</dt>
              <dd>{formatDate(round.dueOn)}</dd>
              <dt>{t('areaRounds.table.held')}</dt>
              <dd>{round.heldOn ? formatDate(round.heldOn) : '–'}</dd>
              {round.participants && (
                <>
                  <dt>{t('areaRounds.start.participants')}</dt>
                  <dd>{round.participants}</dd>
                </>
              )}
              {round.meetingId && round.meetingStartsAt && (
                <>
                  <dt>{t('areaRounds.round.meeting')}</dt>
                  <dd>
                    <Link to={`/moeder/${round.meetingId}`}>
                      {formatDateTime(round.meetingStartsAt)}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
            {!round.abilities.readContributions && round.abilities.contribute && (
              <p className="form-hint">{t('areaRounds.round.ownOnly')}</p>
            )}
            <ContributionGroups
              areaId={area.id}
              roundId={round.id}
              contributions={contributions}
              parts={parts}
            />
            {round.abilities.contribute && (
              <ContributionForm areaId={area.id} roundId={round.id} parts={parts} />
            )}
            {round.abilities.close && (
              <>
                {close.error && (
                  <ErrorAlert title={t('areaRounds.round.closeFailed')} error={close.error} />
                )}
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={close.isPending}
                  onClick={() => close.mutate(round.version)}
                >
                  {t('areaRounds.round.close')}
                </button>
              </>
            )}
            {(round.abilities.systematise ||
              (round.status === 'systematised' && round.abilities.readOverview)) && (
              <p>
                <Link to="overblik" className="button button-primary">
                  {round.abilities.systematise
                    ? t('areaRounds.round.systematise')
                    : t('areaRounds.overviewLink')}
                </Link>
              </p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
