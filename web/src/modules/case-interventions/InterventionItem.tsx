import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import type { CaseIntervention, CaseInterventions } from './interventionsApi';
import { Period, ProviderText } from './InterventionTable';
import { ParticipantsForm, participantsText } from './Participants';
import { ProviderForm } from './ProviderForm';
import { SessionForm, Sessions } from './Sessions';
import { typeName } from './shared';
import { StatusForm } from './StatusForm';

/**
 * One intervention: its facts, and the forms the caller's abilities allow (status and provider
 * for those who manage interventions, session notes for those who write them).
 */
export function InterventionItem({
  detail,
  data,
  intervention,
  canManage,
  canLog,
  consentsAnchor,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
  intervention: CaseIntervention;
  canManage: boolean;
  canLog: boolean;
  consentsAnchor: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const running = intervention.status === 'active' || intervention.status === 'paused';
  return (
    <section
      aria-labelledby={headingId}
      className="case-section"
      id={`intervention-${intervention.id}`}
    >
      <h4 id={headingId}>
        {t('caseInterventions.interventions.itemHeading', {
          type: typeName(t, intervention.type),
          person: intervention.person.name,
        })}
      </h4>
      <dl className="case-facts">
        <dt>{t('caseInterventions.interventions.columns.status')}</dt>
        <dd>{t(`caseInterventions.statuses.${intervention.status}`)}</dd>
        {intervention.form === 'group' && (
          <>
            <dt>{t('caseInterventions.participants.label')}</dt>
            <dd>{participantsText(t, intervention)}</dd>
          </>
        )}
        <dt>{t('caseInterventions.interventions.columns.provider')}</dt>
        <dd>
          <ProviderText intervention={intervention} />
        </dd>
        <dt>{t('caseInterventions.interventions.columns.period')}</dt>
        <dd>
          <Period startsOn={intervention.startsOn} endsOn={intervention.endsOn} />
          {intervention.backdateReason && (
            <>
              {' '}
              {t('form.backdate.recordedLater', {
                reason: t(`form.backdate.inText.${intervention.backdateReason}`),
              })}
            </>
          )}
        </dd>
        <dt>{t('caseInterventions.interventions.purpose')}</dt>
        <dd className="case-text">
          {intervention.purpose ?? t('caseInterventions.interventions.notGiven')}
        </dd>
        {intervention.endReason && (
          <>
            <dt>{t('caseInterventions.interventions.endReason')}</dt>
            <dd className="case-text">{intervention.endReason}</dd>
          </>
        )}
        {intervention.type.consentRequired && (
          <>
            <dt>{t('caseInterventions.interventions.consent')}</dt>
            <dd>
              {intervention.consent
                ? intervention.consent.withdrawnOn
                  ? t('caseInterventions.interventions.consentWithdrawn', {
                      date: formatDate(intervention.consent.withdrawnOn),
                    })
                  : t('caseInterventions.interventions.consentGiven', {
                      date: formatDate(intervention.consent.givenOn),
                    })
                : t('caseInterventions.interventions.consentMissing')}
            </dd>
          </>
        )}
      </dl>
      {canManage && (
        <StatusForm
          detail={detail}
          intervention={intervention}
          consentsAnchor={consentsAnchor}
          headingId={headingId}
        />
      )}
      {canManage && intervention.status !== 'ended' && intervention.status !== 'cancelled' && (
        <>
          <ProviderForm
            detail={detail}
            intervention={intervention}
            providers={data.providers}
            headingId={headingId}
          />
          <ParticipantsForm detail={detail} intervention={intervention} headingId={headingId} />
        </>
      )}
      <Sessions intervention={intervention} />
      {canLog && running && <SessionForm detail={detail} intervention={intervention} />}
    </section>
  );
}
