import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { TabNav } from '../../ui/Tabs';
import { useArea, type Area } from './areasApi';
import type { AreaContextValue } from './areaContext';

/** The tabs of an area, each shown when the caller's abilities say it has something for them. */
function tabsOf(area: Area) {
  const a = area.abilities;
  const tabs = [
    { key: 'map', to: '', show: a.readMap, end: true },
    { key: 'rounds', to: 'kortlaegning', show: a.readMap },
    { key: 'plan', to: 'analyse', show: a.readPlan },
    { key: 'interventions', to: 'indsatser', show: a.readInterventions },
    { key: 'identification', to: 'identifikation', show: a.identify },
  ] as const;
  return tabs.filter((tab) => tab.show);
}

/**
 * One housing area (/boligomraader/:id): its name, its tabs as links to their routes, and the
 * area with the caller's abilities handed to the tab shown (areaContext.ts). An area the caller
 * may not see is the ordinary not-found page, as one that does not exist. A caller who sees
 * figures only (leaders, analysts, the steering group) gets a pointer to the figures.
 */
export function AreaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useArea(id);
  if (query.isPending) return <Loading label={t('housingAreas.area.loading')} />;
  if (query.isError) {
    return (
      <RecordLoadFailure
        error={query.error}
        title={t('housingAreas.area.title')}
        loadError={t('housingAreas.area.loadError')}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const area = query.data;
  const context: AreaContextValue & { full: Area } = {
    area: { ...area, archived: area.archivedAt !== null },
    full: area,
  };
  const tabs = tabsOf(area);
  return (
    <>
      <PageHeading>{area.name}</PageHeading>
      {area.archivedAt && <p className="areas-archived">{t('housingAreas.area.archived')}</p>}
      {area.abilities.readMap ? (
        <>
          {tabs.length > 1 && (
            <TabNav
              label={t('housingAreas.area.tabsLabel')}
              links={tabs.map((tab) => ({
                key: tab.key,
                to: tab.to === '' ? `/boligomraader/${area.id}` : tab.to,
                label: t(`housingAreas.tabs.${tab.key}`),
                end: 'end' in tab,
              }))}
            />
          )}
          <Outlet context={context} />
        </>
      ) : (
        <p>
          {t('housingAreas.area.figuresOnly')}{' '}
          <Link to="/boligomraader/tal">{t('housingAreas.list.figures')}</Link>
        </p>
      )}
    </>
  );
}
