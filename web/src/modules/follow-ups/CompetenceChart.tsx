import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import { COMPETENCE_LIST, type Competence, type FollowUpList } from './followUpsApi';

type Series = FollowUpList['competenceSeries'];

/* One small chart per competence: x = the follow-ups in order, y = the rating 1–4. */
const WIDTH = 220;
const HEIGHT = 110;
const PAD = { left: 22, right: 10, top: 10, bottom: 14 };
const LEVELS = [1, 2, 3, 4] as const;

function x(index: number, count: number): number {
  const span = WIDTH - PAD.left - PAD.right;
  return count <= 1 ? PAD.left + span / 2 : PAD.left + (span * index) / (count - 1);
}

function y(rating: number): number {
  const span = HEIGHT - PAD.top - PAD.bottom;
  return PAD.top + span - (span * (rating - 1)) / 3;
}

/**
 * The life-competence ratings over time as small multiples in plain SVG (one chart per
 * competence, its name as the legend), with the same numbers in a table for screen readers and
 * for anyone who prefers numbers. The charts themselves are decoration for assistive technology.
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
            <Sparkline series={series} competence={competence} />
          </li>
        ))}
      </ul>
      <div className="table--responsive-scroll">
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
      </div>
      <p className="form-hint">{t('cases.competences.source')}</p>
    </section>
  );
}

function Sparkline({ series, competence }: { series: Series; competence: Competence }) {
  const points = series.flatMap((s, i) => {
    const rating = s.ratings[competence];
    return rating === undefined ? [] : [{ x: x(i, series.length), y: y(rating), rating }];
  });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="follow-up-svg"
      focusable="false"
      aria-hidden="true"
    >
      {LEVELS.map((level) => (
        <g key={level}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(level)}
            y2={y(level)}
            className="follow-up-grid"
          />
          <text x={PAD.left - 8} y={y(level) + 4} textAnchor="end" className="follow-up-axis">
            {level}
          </text>
        </g>
      ))}
      {points.length > 1 && (
        <polyline
          points={points.map((p) => `${p.x},${p.y}`).join(' ')}
          className="follow-up-line"
          fill="none"
        />
      )}
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={4} className="follow-up-point" />
      ))}
    </svg>
  );
}
