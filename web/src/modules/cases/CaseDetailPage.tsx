import { useId } from 'react';
import { TransferPanel } from '../transfers/TransferPanel';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePageTitle } from '../../app/usePageTitle';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { TabNav } from '../../ui/Tabs';
import { AssessmentsPage } from '../assessments/AssessmentsPage';
import { NetworkMapPage } from '../network-maps/NetworkMapPage';
import { CaseInterventionsPage } from '../case-interventions/CaseInterventionsPage';
import { ClosurePage } from '../closure/ClosurePage';
import { DisclosuresPage } from '../disclosures/DisclosuresPage';
import { FollowUpsPage } from '../follow-ups/FollowUpsPage';
import { PlanPage } from '../plans/PlanPage';
import { CaseAccessPanel } from './CaseAccessPanel';
import { CaseChronology } from './CaseChronology';
import { CaseCompartment } from './CaseCompartment';
import { CaseMembersSection } from './CaseMembersSection';
import { CasePersonsSection } from './CasePersonsSection';
import { CaseStatusPanel } from './CaseStatusPanel';
import { NoticePanel } from '../notice/NoticePanel';
import { CaseContactSection } from '../citizen-meetings/CaseContactSection';
import { CasePartnersPage } from '../partners/CasePartnersPage';
import { useCase, type CaseDetail } from './casesApi';
import { formatDay, formatTime, isUuid } from './format';
import { useFocusHeading } from './useFocusHeading';
import './cases.css';

/**
 * One case (/sager/:id and its tabs below it). A case the user may not see answers 404, exactly
 * like one that does not exist, so the page then says only that the page was not found.
 */
export function CaseDetailPage() {
  const { id } = useParams();
  if (!isUuid(id)) return <NotFoundPage />;
  return <CaseLoader id={id} />;
}

function CaseLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const found = useCase(id);
  if (found.isPending) {
    return <Loading label={t('cases.detail.loading')} />;
  }
  if (found.isError) {
    return (
      <RecordLoadFailure
        error={found.error}
        title={t('cases.detail.titleUnknown')}
        loadError={t('cases.detail.loadError')}
        onRetry={() => void found.refetch()}
      />
    );
  }
  return <CaseView detail={found.data} />;
}

/**
 * The parts of case work, one tab each (an address below /sager/:id), shown when the case's
 * abilities let the caller read that part: a member with an intervention scope (e.g. a mentor)
 * sees the overview and the interventions tab only.
 */
const CASE_TABS = [
  { path: '', key: 'overview', part: 'case' },
  { path: 'udredning', key: 'assessment', part: 'assessment' },
  { path: 'netvaerkskort', key: 'networkMap', part: 'networkMap' },
  { path: 'handleplan', key: 'plan', part: 'plan' },
  { path: 'indsatser', key: 'interventions', part: 'interventions' },
  { path: 'opfoelgning', key: 'followUps', part: 'followUps' },
  { path: 'afslutning', key: 'closure', part: 'closure' },
  { path: 'videregivelser', key: 'disclosures', part: 'disclosures' },
  { path: 'samarbejdspartnere', key: 'partners', part: 'partners' },
] as const;

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const title = t('cases.detail.title', { reference: detail.reference });
  usePageTitle(title);
  useFocusHeading();
  const { access, abilities } = detail;
  const tabs = CASE_TABS.filter((tab) => abilities[tab.part].read);

  return (
    <>
      <p className="case-back">
        <Link to="/sager">{t('cases.detail.backToList')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead case-meta">
        <span className="badge badge-info case-badge">{t(`cases.status.${detail.status}`)}</span>{' '}
        {t('cases.detail.opened', { date: formatDay(detail.openedAt) })}
      </p>

      {access.breakGlass && access.breakGlassUntil && (
        <div className="alert alert-warning" role="status">
          <Icon name="warning" className="alert-icon" />
          <div className="alert-body">
            <h2 className="alert-heading">{t('cases.detail.breakGlassHeading')}</h2>
            <p className="alert-text">
              {t('cases.detail.breakGlassText', { time: formatTime(access.breakGlassUntil) })}
            </p>
          </div>
        </div>
      )}

      {access.purposeLimit && (
        <div className="alert alert-info" role="note">
          <Icon name="info" className="alert-icon" />
          <div className="alert-body">
            <h2 className="alert-heading">
              {t(`cases.detail.purposeLimit.${access.purposeLimit}.heading`)}
            </h2>
            <p className="alert-text">
              {t(`cases.detail.purposeLimit.${access.purposeLimit}.text`)}
            </p>
          </div>
        </div>
      )}

      <TabNav
        className="case-tabs no-print"
        label={t('cases.tabs.label')}
        links={tabs.map((tab) => ({
          key: tab.key,
          to: tab.path ? `/sager/${detail.id}/${tab.path}` : `/sager/${detail.id}`,
          label: t(`cases.tabs.${tab.key}`),
          end: true,
        }))}
      />

      <Routes>
        <Route index element={<CaseOverview detail={detail} />} />
        {abilities.assessment.read && (
          <Route path="udredning" element={<AssessmentsPage detail={detail} />} />
        )}
        {abilities.networkMap.read && (
          <Route path="netvaerkskort" element={<NetworkMapPage detail={detail} />} />
        )}
        {abilities.plan.read && <Route path="handleplan" element={<PlanPage detail={detail} />} />}
        {abilities.interventions.read && (
          <Route path="indsatser" element={<CaseInterventionsPage detail={detail} />} />
        )}
        {abilities.followUps.read && (
          <Route path="opfoelgning" element={<FollowUpsPage detail={detail} />} />
        )}
        {abilities.closure.read && (
          <Route path="afslutning" element={<ClosurePage detail={detail} />} />
        )}
        {abilities.disclosures.read && (
          <Route path="videregivelser" element={<DisclosuresPage detail={detail} />} />
        )}
        {abilities.partners.read && (
          <Route path="samarbejdspartnere" element={<CasePartnersPage detail={detail} />} />
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

/** The case's overview tab: status, persons, team, the concern and the chronology. */
function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const workId = useId();
  const { access } = detail;

  return (
    <>
      <CaseAccessPanel access={access} />

      <CaseStatusPanel detail={detail} />

      <CasePersonsSection detail={detail} />

      <NoticePanel detail={detail} />

      <CaseContactSection detail={detail} />

      <TransferPanel detail={detail} />

      <section aria-labelledby={workId} className="case-section">
        <h2 id={workId}>{t('cases.work.heading')}</h2>
        <p className="case-text">{detail.workSummary ?? t('cases.work.empty')}</p>
      </section>

      <CaseCompartment detail={detail} />

      <CaseMembersSection detail={detail} />

      {detail.abilities.notes.read && <CaseChronology detail={detail} />}
    </>
  );
}
