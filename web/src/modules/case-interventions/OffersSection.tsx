import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import type { CaseInterventions } from './interventionsApi';
import { OfferForm } from './OfferForm';
import { AnswerForm, MakeForm } from './OfferRowForms';
import { typeName } from './shared';

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
        <div className="table--responsive-scroll">
          <table className="table table--compact case-table">
            <caption className="sr-only">
              {t('caseInterventions.offers.caption', { reference: detail.reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('caseInterventions.offers.columns.person')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.kind')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.round')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.dueOn')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.offeredOn')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.status')}</th>
                {canWrite && <th scope="col">{t('caseInterventions.offers.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
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
                        <MakeForm
                          detail={detail}
                          offer={o}
                          onDone={setMessage}
                          headingId={headingId}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}{' '}
      {canWrite && <OfferForm detail={detail} data={data} headingId={headingId} />}
    </section>
  );
}
