import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import type { AreaContextValue } from '../housing-areas/areaContext';
import { useRounds, type Round } from './roundsApi';
import { StartRoundForm } from './StartRoundForm';

/**
 * The area's mapping rounds, newest first: number, status, due and held dates (on time or late
 * in words), contributions; a new round started by those who manage rounds, when the area has a
 * cadence and no round is open.
 */
export function RoundList({ area }: { area: AreaContextValue['area'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const rounds = useRounds(area.id);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areaRounds.heading')}</h2>
      <p>{t('areaRounds.intro')}</p>
      <p className="form-hint">{t('areaRounds.source')}</p>
      <QueryState
        query={rounds}
        loading={t('areaRounds.loading')}
        loadError={t('areaRounds.loadError')}
      >
        {(list) => (
          <>
            {list.cadence === null ? (
              <p>{t('areaRounds.noCadence')}</p>
            ) : (
              <p>
                {t(`areaRounds.cadence.${list.cadence}`)}
                {list.nextDueOn &&
                  ` ${t('areaRounds.nextDue', { date: formatDate(list.nextDueOn) })}`}
              </p>
            )}
            {list.items.length === 0 ? (
              <p>{t('areaRounds.none')}</p>
            ) : (
              <RoundTable rounds={list.items} />
            )}
            {list.abilities.start && (
              <StartRoundForm areaId={area.id} teamForumId={list.teamForumId} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

export function RoundTable({ rounds }: { rounds: Round[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('areaRounds.table.caption')}
      columns={[
        t('areaRounds.table.round'),
        t('areaRounds.table.status'),
        t('areaRounds.table.due'),
        t('areaRounds.table.held'),
        t('areaRounds.table.contributions'),
      ]}
    >
      {rounds.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            <Link to={r.id}>{t('areaRounds.roundName', { number: r.number })}</Link>
            {r.status === 'systematised' && r.abilities.readOverview && (
              <>
                {' · '}
                <Link to={`${r.id}/overblik`}>{t('areaRounds.overviewLink')}</Link>
              </>
            )}
          </th>
          <td>{t(`areaRounds.status.${r.status}`)}</td>
          <td>{formatDate(r.dueOn)}</td>
          <td>
            {r.heldOn ? formatDate(r.heldOn) : '–'}
            {r.onTime !== null && ` (${t(r.onTime ? 'areaRounds.onTime' : 'areaRounds.late')})`}
          </td>
          <td>{r.contributionCount}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
