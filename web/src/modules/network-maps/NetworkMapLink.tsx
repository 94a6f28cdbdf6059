import { useTranslation } from 'react-i18next';
import { Link, useInRouterContext } from 'react-router';
import { formatDate } from '../cases/format';
import { useNetworkMaps } from './networkMapsApi';

/**
 * The assessment's dimension "network and leisure" and the network map: the latest finalised
 * map summed up in words (how many protective, risky and mixed relations) with a link to the map.
 * Only a link and a count, never the map's content copied into the assessment: the map stays
 * the one place it is kept.
 */
export function NetworkMapLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const maps = useNetworkMaps(caseId);
  const latest = maps.data?.items.find((m) => m.status === 'final');
  // Inside the app always a router link; rendered alone (a page's markup test) a plain link.
  const inRouter = useInRouterContext();
  const to = `/sager/${caseId}/netvaerkskort`;
  const count = (q: string) => (latest?.relations ?? []).filter((r) => r.quality === q).length;
  return (
    <p className="assessment-network-map">
      {latest && (
        <>
          {t('networkMaps.assessmentLatest', {
            version: t('networkMaps.versionName', {
              number: latest.number,
              date: formatDate(latest.drawnOn),
            }),
            protective: count('protective'),
            risky: count('risky'),
            mixed: count('mixed'),
          })}{' '}
        </>
      )}
      {inRouter ? (
        <Link to={to}>{t('networkMaps.assessmentLink')}</Link>
      ) : (
        <a href={to}>{t('networkMaps.assessmentLink')}</a>
      )}
    </p>
  );
}
