import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/casesApi';
import { CreateInterventionForm } from './CreateInterventionForm';
import type { CaseInterventions } from './interventionsApi';
import { InterventionItem } from './InterventionItem';
import { InterventionTable } from './InterventionTable';

interface Props {
  detail: CaseDetail;
  data: CaseInterventions;
  /** Sees the whole case, not only their own interventions (the texts say which). */
  full: boolean;
  /** May create interventions and change their status and provider. */
  canManage: boolean;
  /** May write session notes. */
  canLog: boolean;
  /** Id of the consents heading, for the hint when consent is missing. */
  consentsAnchor: string;
}

/** The interventions of the case: a table, then each one with its status and session notes. */
export function InterventionsSection({
  detail,
  data,
  full,
  canManage,
  canLog,
  consentsAnchor,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { interventions } = data;

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('caseInterventions.interventions.heading')}</h3>
      {interventions.length === 0 ? (
        <p>
          {full
            ? t('caseInterventions.interventions.empty')
            : t('caseInterventions.interventions.emptyLimited')}
        </p>
      ) : (
        <InterventionTable interventions={interventions} reference={detail.reference} />
      )}
      {interventions.map((intervention) => (
        <InterventionItem
          key={intervention.id}
          detail={detail}
          data={data}
          intervention={intervention}
          canManage={canManage}
          canLog={canLog}
          consentsAnchor={consentsAnchor}
        />
      ))}
      {canManage && <CreateInterventionForm detail={detail} data={data} />}
    </section>
  );
}
