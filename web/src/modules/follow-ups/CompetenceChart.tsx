import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import { DatedLineChart } from './DatedLineChart';
import { COMPETENCE_LIST, type Competence, type FollowUpList } from './followUpsApi';
import { ScrollTable } from '../../ui/Table';

type Series = FollowUpList['competenceSeries'];

const LEVELS = [1, 2, 3, 4] as const;

/**
 * The life-competence ratings over time as small multiples (one recharts chart per competence,
 * its name as the legend, the dates on the x axis), with the same numbers in a table for screen
 * readers and for anyone who prefers numbers. The charts are decoration for assistive technology.
 */
export function CompetenceChart({ series }: { series: Series }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (series.length === 0) {
    return (
      <section aria-labelledby={headingId} className="case-section">
        <h3 id={headingId}>{t('followUps.chart.heading')}</h3>
        <p>{t('followUps.chart.empty')}</p>
      </section>
    );
  }
  const rated = COMPETENCE_LIST.filter((c) => series.some((s) => s.ratings[c] !== undefined));

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.chart.heading')}</h3>
      <p>
        {t('followUps.chart.legend')} {t('cases.competences.scale')}
      </p>
      <ul className="nobullet-list follow-up-charts" aria-hidden="true">
        {rated.map((competence) => (
          <li key={competence} className="follow-up-chart">
            <p className="follow-up-chart-title">{t(`cases.competences.${competence}`)}</p>
            <DatedLineChart points={pointsOf(series, competence)} levels={LEVELS} height={150} />
          </li>
        ))}
      </ul>
      <ScrollTable label={t('followUps.chart.tableCaption')}>
        <table className="table table--compact follow-up-table">
          <caption>{t('followUps.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUps.chart.competence')}</th>
              {series.map((s, i) => (
                <th scope="col" key={`${s.heldOn}-${i}`}>
                  {formatDate(s.heldOn)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rated.map((competence) => (
              <tr key={competence}>
                <th scope="row">{t(`cases.competences.${competence}`)}</th>
                {series.map((s, i) => (
                  <td key={`${s.heldOn}-${i}`}>
                    {s.ratings[competence] ?? t('followUps.chart.notRated')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="form-hint">{t('cases.competences.source')}</p>
    </section>
  );
}

/** The follow-ups that rated `competence`, as dated points. */
function pointsOf(series: Series, competence: Competence) {
  return series.flatMap((s) => {
    const rating = s.ratings[competence];
    return rating === undefined ? [] : [{ on: s.heldOn, value: rating }];
  });
}
