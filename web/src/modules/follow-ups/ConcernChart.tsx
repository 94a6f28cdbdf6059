import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import { DatedLineChart } from './DatedLineChart';
import { CONCERN_LEVELS, type ConcernLevel, type FollowUpList } from './followUpsApi';
import { ScrollTable } from '../../ui/Table';

/* The levels from low (1) to high (3) on the chart's y axis. */
const LEVELS = CONCERN_LEVELS.map((_, i) => i + 1);
const valueOf = (level: ConcernLevel) => CONCERN_LEVELS.indexOf(level) + 1;

/**
 * The concern level over time: each final assessment and each follow-up held with a level, as a
 * recharts line with the dates on the x axis, and the same dates and levels in a table for
 * screen readers and for anyone who prefers words. Stands next to the life-competence chart.
 */
export function ConcernChart({ series }: { series: FollowUpList['concernSeries'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const label = (value: number) => {
    const level = CONCERN_LEVELS[value - 1];
    return level ? t(`followUps.concernChart.short.${level}`) : '';
  };
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.steps.heading')}</h3>
      {series.length === 0 ? (
        <p>{t('followUps.concernChart.empty')}</p>
      ) : (
        <>
          <p>{t('followUps.concernChart.legend')}</p>
          <DatedLineChart
            points={series.map((p) => ({ on: p.on, value: valueOf(p.level) }))}
            levels={LEVELS}
            levelLabel={label}
            axisWidth={72}
          />
          <ScrollTable label={t('followUps.concernChart.tableCaption')}>
            <table className="table table--compact follow-up-table">
              <caption>{t('followUps.concernChart.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followUps.concernChart.date')}</th>
                  <th scope="col">{t('cases.concernLevel.label')}</th>
                  <th scope="col">{t('followUps.concernChart.source')}</th>
                </tr>
              </thead>
              <tbody>
                {series.map((p, i) => (
                  <tr key={`${p.on}-${i}`}>
                    <th scope="row">{formatDate(p.on)}</th>
                    <td>{t(`cases.concernLevel.${p.level}`)}</td>
                    <td>{t(`followUps.concernChart.sources.${p.source}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
