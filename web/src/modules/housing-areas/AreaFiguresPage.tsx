import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { useAreaFigures } from './areasApi';

/** The other slices' figures the web has words for (server: MORE_AREA_COUNTERS). */
type MoreFigure = 'rounds' | 'planGoals' | 'planGoalsAchieved' | 'interventions';

/**
 * "Tal for boligområderne": counts per area of the municipality for the last twelve months — for
 * the steering group, leaders, analysts and the areas' teams. Figures only: no text, no shape.
 * The other housing-area modules' figures (rounds, plan goals and those achieved, interventions)
 * come in `more`. Identifications of 1–4 in an area the user sees figures of only are "under 5".
 */
export function AreaFiguresPage() {
  const { t } = useTranslation();
  const figures = useAreaFigures();
  return (
    <>
      <PageHeading>{t('housingAreas.figures.title')}</PageHeading>
      <p>
        <Link to="..">{t('housingAreas.figures.back')}</Link>
      </p>
      <QueryState
        query={figures}
        loading={t('housingAreas.figures.loading')}
        loadError={t('housingAreas.figures.loadError')}
      >
        {(data) => {
          const more = Object.keys(data.items[0]?.more ?? {});
          return (
            <>
              <p>{t('housingAreas.figures.period', { from: data.from, to: data.to })}</p>
              {data.items.length === 0 ? (
                <p>{t('housingAreas.figures.empty')}</p>
              ) : (
                <CompactTable
                  caption={t('housingAreas.figures.title')}
                  columns={[
                    t('housingAreas.figures.area'),
                    t('housingAreas.figures.zones'),
                    t('housingAreas.figures.places'),
                    t('housingAreas.figures.partners'),
                    t('housingAreas.figures.identifications'),
                    ...more.map((key) => t(`housingAreas.figures.more.${key as MoreFigure}`)),
                  ]}
                >
                  {data.items.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">{row.name}</th>
                      <td>{row.zones}</td>
                      <td>{row.places}</td>
                      <td>{row.partners}</td>
                      <td>
                        {row.identifications === 'under_5'
                          ? t('housingAreas.figures.under5')
                          : row.identifications}
                      </td>
                      {more.map((key) => (
                        <td key={key}>{row.more[key] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </CompactTable>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
