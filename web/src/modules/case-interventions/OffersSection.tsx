import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import type { CaseInterventions } from './interventionsApi';
import { OfferForm } from './OfferForm';
import { AnswerForm, MakeForm } from './OfferRowForms';
import { typeName } from './shared';
import { CompactTable } from '../../ui/Table';

const ROUND_KEY = { 1: 'first', 2: 'after3', 3: 'after6' } as const;
function roundKey(round: number) {
  return ROUND_KEY[round === 2 ? 2 : round === 3 ? 3 : 1];
}

/**
 * Offers of voluntary support (a mentor, a parent coach): the first offer and, after a decline,
 * the renewed offers at 3 and 6 months, which stay tasks until they are made and answered.
 */
export function OffersSection({
  detail,
  data,
  canWrite,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { offers } = data;
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('caseInterventions.offers.heading')}</h3>
      <p>{t('caseInterventions.offers.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {offers.length === 0 ? (
        <p>{t('caseInterventions.offers.empty')}</p>
      ) : (
        <CompactTable
          className="case-table"
          caption={t('caseInterventions.offers.caption', { reference: detail.reference })}
          columns={[
            t('caseInterventions.offers.columns.person'),
            t('caseInterventions.offers.columns.kind'),
            t('caseInterventions.offers.columns.round'),
            t('caseInterventions.offers.columns.dueOn'),
            t('caseInterventions.offers.columns.offeredOn'),
            t('caseInterventions.offers.columns.status'),
            canWrite && t('caseInterventions.offers.columns.actions'),
          ]}
        >
          {offers.map((o) => (
            <tr key={o.id}>
              <td>{o.person.name}</td>
              <td>
                {t(`caseInterventions.offers.kinds.${o.kind}`)}
                {o.interventionType && (
                  <>
                    <br />
                    <span className="form-hint">{typeName(t, o.interventionType)}</span>
                  </>
                )}
              </td>
              <td>{t(`caseInterventions.offers.rounds.${roundKey(o.round)}`)}</td>
              <td>{o.dueOn ? formatDate(o.dueOn) : t('caseInterventions.offers.noDate')}</td>
              <td>
                {o.offeredOn ? formatDate(o.offeredOn) : t('caseInterventions.offers.noDate')}
              </td>
              <td>
                {t(`caseInterventions.offers.statuses.${o.status}`)}
                {o.answeredOn && (
                  <>
                    <br />
                    <span className="form-hint">
                      {t('caseInterventions.offers.answeredOn', {
                        date: formatDate(o.answeredOn),
                      })}
                    </span>
                  </>
                )}
              </td>
              {canWrite && (
                <td>
                  {o.status === 'open' && (
                    <AnswerForm
                      detail={detail}
                      offer={o}
                      onDone={setMessage}
                      headingId={headingId}
                    />
                  )}
                  {o.status === 'scheduled' && (
                    <MakeForm detail={detail} offer={o} onDone={setMessage} headingId={headingId} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </CompactTable>
      )}{' '}
      {canWrite && <OfferForm detail={detail} data={data} headingId={headingId} />}
    </section>
  );
}
