import { useTranslation } from 'react-i18next';
import { CONCERN_LEVELS, EXTREMISM_FORMS } from '../../../../shared/values.ts';
import { formatDate } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { ScrollTable } from '../../ui/Table';
import { useNumbers, type Numbers } from './agendaApi';

type Cell = Numbers['newInquiries'];

/** The numbers item: counts without personal data, small cells shown as "under 5". */
export function AgendaNumbers({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const numbers = useNumbers(meetingId, true);
  const cell = (value: Cell) =>
    value === 'under_5'
      ? t('agenda.numbers.under5')
      : value === 'hidden'
        ? t('agenda.numbers.hidden')
        : String(value);
  return (
    <section aria-labelledby="agenda-numbers" className="mt-8">
      <h2 id="agenda-numbers">{t('agenda.numbers.heading')}</h2>
      <QueryState
        query={numbers}
        loading={t('agenda.numbers.loading')}
        loadError={t('agenda.numbers.loadError')}
      >
        {(data) => (
          <>
            <p>
              {t('agenda.numbers.period', {
                from: formatDate(data.from),
                until: formatDate(data.until),
              })}{' '}
              {t('agenda.numbers.suppression')}
            </p>
            <dl>
              <dt>{t('agenda.numbers.newInquiries')}</dt>
              <dd>{cell(data.newInquiries)}</dd>
              <dt>{t('agenda.numbers.closedCases')}</dt>
              <dd>{cell(data.closedCases)}</dd>
              <dt>{t('agenda.numbers.reReviewsDue')}</dt>
              <dd>{cell(data.reReviewsDue)}</dd>
              <dt>{t('agenda.numbers.plansAwaitingApproval')}</dt>
              <dd>{cell(data.plansAwaitingApproval)}</dd>
            </dl>
            <ScrollTable label={t('agenda.numbers.openCaption')}>
              <table className="table table--compact">
                <caption>{t('agenda.numbers.openCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agenda.numbers.status')}</th>
                    {[...CONCERN_LEVELS, 'unknown' as const].map((level) => (
                      <th key={level} scope="col">
                        {t(`agenda.levels.${level}`)}
                      </th>
                    ))}
                    <th scope="col">{t('agenda.numbers.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(['active', 'on_hold'] as const).map((status) => (
                    <tr key={status}>
                      <th scope="row">{t(`agenda.numbers.statuses.${status}`)}</th>
                      {[...CONCERN_LEVELS, 'unknown' as const].map((level) => (
                        <td key={level}>{cell(data.openCases[status][level])}</td>
                      ))}
                      <td>{cell(data.openCases[status].total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <ScrollTable label={t('agenda.numbers.formsCaption')}>
              <table className="table table--compact">
                <caption>{t('agenda.numbers.formsCaption')}</caption>
                <thead>
                  <tr>
                    {[...EXTREMISM_FORMS, 'unknown' as const].map((form) => (
                      <th key={form} scope="col">
                        {t(`agenda.forms.${form}`)}
                      </th>
                    ))}
                    <th scope="col">{t('agenda.numbers.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {[...EXTREMISM_FORMS, 'unknown' as const].map((form) => (
                      <td key={form}>{cell(data.newCasesByForm[form])}</td>
                    ))}
                    <td>{cell(data.newCasesByForm.total)}</td>
                  </tr>
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
      </QueryState>
    </section>
  );
}
