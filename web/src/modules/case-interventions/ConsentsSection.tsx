import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { ConsentActions } from './ConsentActions';
import { ConsentForm } from './ConsentForm';
import type { Consent } from './interventionsApi';
import { CompactTable } from '../../ui/Table';

/**
 * The case's consents (docs/CONSENT.md): who consented to what, with whom, how and for how long,
 * each with its status (valid, not yet valid, awaiting signature, expired, withdrawn) and what can
 * be done with it; the form for a new one. Actions only as the server's abilities allow.
 */
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
            t('caseInterventions.consents.columns.scope'),
            t('caseInterventions.consents.columns.givenBy'),
            t('caseInterventions.consents.columns.period'),
            t('caseInterventions.consents.columns.status'),
          ]}
        >
          {consents.map((c) => (
            <tr key={c.id}>
              <td>{c.person.name}</td>
              <td className="case-text">{c.purpose}</td>
              <td className="case-text">
                <ConsentScope consent={c} />
              </td>
              <td>
                {c.custodyHolders.length > 0
                  ? c.custodyHolders.map((h) => h.name).join(', ')
                  : t(`caseInterventions.consents.givenBy.${c.givenBy}`)}
                <br />
                {t(`caseInterventions.consents.methods.${c.method}`)}
                {c.witness &&
                  ` (${t('caseInterventions.consents.witnessShort', { name: c.witness })})`}
              </td>
              <td>
                {c.validTo
                  ? t('caseInterventions.consents.period', {
                      from: formatDate(c.validFrom),
                      to: formatDate(c.validTo),
                    })
                  : t('caseInterventions.consents.periodOpen', { from: formatDate(c.validFrom) })}
              </td>
              <td>
                <strong>{t(`caseInterventions.consents.status.${c.status}`)}</strong>
                {c.withdrawnOn && (
                  <>
                    <br />
                    {t('caseInterventions.consents.withdrawnOn', {
                      date: formatDate(c.withdrawnOn),
                    })}
                  </>
                )}
                {c.signedOn && (
                  <>
                    <br />
                    {t('caseInterventions.consents.signedOnShort', {
                      date: formatDate(c.signedOn),
                    })}
                  </>
                )}
                <ConsentActions
                  detail={detail}
                  consent={c}
                  canWrite={canWrite}
                  onWithdrawn={setPaused}
                  headingId={headingId}
                />
              </td>
            </tr>
          ))}
        </CompactTable>
      )}{' '}
      {canWrite && <ConsentForm detail={detail} headingId={headingId} />}
    </section>
  );
}

/** The uses, categories and recipients a consent covers, in words. */
function ConsentScope({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const recipients = [
    ...consent.organisations.map((o) => o.name),
    ...consent.organisationKinds.map((kind) => t(`sharing.organisationKinds.${kind}`)),
  ];
  return (
    <>
      {consent.uses.map((u) => t(`sharing.uses.${u}`)).join(', ')}
      {consent.categories.length > 0 && (
        <>
          <br />
          {consent.categories.map((c) => t(`sharing.dataCategories.${c}`)).join(', ')}
        </>
      )}
      {recipients.length > 0 && (
        <>
          <br />
          {t('caseInterventions.consents.recipients', { names: recipients.join(', ') })}
        </>
      )}
    </>
  );
}
