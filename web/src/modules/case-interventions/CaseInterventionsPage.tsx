import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import type { CaseDetail } from '../cases/casesApi';
import { ConsentsSection } from './ConsentsSection';
import { InterventionsSection } from './InterventionsSection';
import { useCaseInterventions } from './interventionsApi';
import { OffersSection } from './OffersSection';

/**
 * Interventions, consent and offers in the case (/sager/:id/indsatser). Members with the whole
 * case see and change everything; a member whose access is limited to their own interventions
 * (e.g. a mentor) sees only those, with the session notes and the form for a new note.
 */
export function CaseInterventionsPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const consentsId = useId();
  usePageTitle(t('caseInterventions.title', { reference: detail.reference }));
  const found = useCaseInterventions(detail.id);
  const full = detail.access.scope === 'full';
  // Break-the-glass readers read only; closed cases take no new work.
  const canWrite =
    detail.access.role !== null && (detail.status === 'active' || detail.status === 'on_hold');

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseInterventions.heading')}</h2>
      <p>{full ? t('caseInterventions.intro') : t('caseInterventions.introLimited')}</p>
      {!canWrite && detail.access.role !== null && (
        <p className="case-text">{t('caseInterventions.closedNotice')}</p>
      )}
      {found.isPending ? (
        <Loading label={t('caseInterventions.loading')} />
      ) : found.isError ? (
        <ErrorAlert
          title={t('caseInterventions.loadError')}
          error={found.error}
          onRetry={() => void found.refetch()}
        />
      ) : (
        <>
          <InterventionsSection
            detail={detail}
            data={found.data}
            full={full}
            canWrite={canWrite}
            consentsAnchor={consentsId}
          />
          {full && (
            <>
              <ConsentsSection
                detail={detail}
                consents={found.data.consents}
                canWrite={canWrite}
                headingId={consentsId}
              />
              <OffersSection
                detail={detail}
                data={found.data}
                canWrite={canWrite && detail.access.scope === 'full'}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
