import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseIsOpen } from '../../../../shared/values.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';
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
  const { abilities } = detail;
  // The whole case (with consents and offers), or only the caller's own interventions (a mentor).
  const full = abilities.consents.read && abilities.offers.read;
  // A notice, not an action: a member of a closed case is told why nothing can be changed. Who is
  // not a member sees the case through break-the-glass alone (the server's access says so).
  const closedToMember = !detail.access.breakGlass && !caseIsOpen(detail.status);

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('caseInterventions.heading')}</h2>
      <p>{full ? t('caseInterventions.intro') : t('caseInterventions.introLimited')}</p>
      {closedToMember && <p className="case-text">{t('caseInterventions.closedNotice')}</p>}
      <QueryState
        query={found}
        loading={t('caseInterventions.loading')}
        loadError={t('caseInterventions.loadError')}
      >
        {(data) => (
          <>
            <InterventionsSection
              detail={detail}
              data={data}
              full={full}
              canManage={abilities.interventions.write}
              canLog={abilities.sessions.write}
              consentsAnchor={consentsId}
            />
            {abilities.consents.read && (
              <ConsentsSection
                detail={detail}
                consents={data.consents}
                canWrite={abilities.consents.write}
                headingId={consentsId}
              />
            )}
            {abilities.offers.read && (
              <OffersSection detail={detail} data={data} canWrite={abilities.offers.write} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
