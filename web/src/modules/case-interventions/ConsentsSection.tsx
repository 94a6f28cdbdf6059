import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { danishToday, DateInput, SuccessMessage, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { ConsentForm } from './ConsentForm';
import { WithdrawFormSchema } from './consentOfferValues';
import { withdrawConsent, type Consent } from './interventionsApi';
import { RowForm } from './RowForm';
import { CompactTable } from '../../ui/Table';

/** Simple consent records: who consented to what, how and when; and withdrawals. */
export function ConsentsSection({
  detail,
  consents,
  canWrite,
  headingId,
}: {
  detail: CaseDetail;
  consents: Consent[];
  canWrite: boolean;
  headingId: string;
}) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState<number | null>(null);
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId} tabIndex={-1}>
        {t('caseInterventions.consents.heading')}
      </h3>
      <p>{t('caseInterventions.consents.intro')}</p>
      {paused !== null && (
        <SuccessMessage>
          {paused === 0
            ? t('caseInterventions.consents.withdrawn')
            : t('caseInterventions.consents.withdrawnPaused', { count: paused })}
        </SuccessMessage>
      )}
      {consents.length === 0 ? (
        <p>{t('caseInterventions.consents.empty')}</p>
      ) : (
        <CompactTable
          className="case-table"
          caption={t('caseInterventions.consents.caption', { reference: detail.reference })}
          columns={[
            t('caseInterventions.consents.columns.person'),
            t('caseInterventions.consents.columns.purpose'),
            t('caseInterventions.consents.columns.givenBy'),
            t('caseInterventions.consents.columns.method'),
            t('caseInterventions.consents.columns.givenOn'),
            t('caseInterventions.consents.columns.status'),
          ]}
        >
          {consents.map((c) => (
            <tr key={c.id}>
              <td>{c.person.name}</td>
              <td className="case-text">{c.purpose}</td>
              <td>{t(`caseInterventions.consents.givenBy.${c.givenBy}`)}</td>
              <td>{t(`caseInterventions.consents.methods.${c.method}`)}</td>
              <td>{formatDate(c.givenOn)}</td>
              <td>
                {c.withdrawnOn ? (
                  t('caseInterventions.consents.withdrawnOn', {
                    date: formatDate(c.withdrawnOn),
                  })
                ) : canWrite ? (
                  <WithdrawForm
                    detail={detail}
                    consent={c}
                    onWithdrawn={setPaused}
                    headingId={headingId}
                  />
                ) : (
                  t('caseInterventions.consents.valid')
                )}
              </td>
            </tr>
          ))}
        </CompactTable>
      )}{' '}
      {canWrite && <ConsentForm detail={detail} headingId={headingId} />}
    </section>
  );
}

/** Withdraws a consent from a given day; running interventions that rely on it are paused. */
function WithdrawForm({
  detail,
  consent,
  onWithdrawn,
  headingId,
}: {
  detail: CaseDetail;
  consent: Consent;
  /** Told how many interventions were paused. */
  onWithdrawn: (paused: number) => void;
  /** The consents' heading, where focus goes after saving. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useZodForm(WithdrawFormSchema, { defaultValues: { withdrawnOn: danishToday() } });
  return (
    <RowForm
      form={form}
      save={(body) => withdrawConsent(detail.id, consent.id, body)}
      onSaved={(result) => onWithdrawn(result.pausedInterventionIds.length)}
      headingId={headingId}
      openLabel={t('caseInterventions.consents.withdraw')}
      closed={
        <>
          {t('caseInterventions.consents.valid')}
          <br />
        </>
      }
      summary={false}
      errorTitle={t('caseInterventions.consents.withdrawError')}
      submit={t('caseInterventions.consents.withdrawSubmit')}
    >
      <DateInput
        name="withdrawnOn"
        label={t('caseInterventions.consents.withdrawnOnLabel')}
        hint={t('caseInterventions.consents.withdrawHint')}
      />
    </RowForm>
  );
}
