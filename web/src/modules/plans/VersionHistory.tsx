import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../cases/format';
import { planPdfUrl, type Plan } from './plansApi';
import { ScrollTable } from '../../ui/Table';

/** "Versioner": every version of the plan, who made and decided it, each as a PDF. */
export function VersionHistory({ caseId, items }: { caseId: string; items: Plan[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('plans.history.heading')}</h3>
      <ScrollTable label={t('plans.history.heading')}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('plans.history.version')}</th>
              <th scope="col">{t('plans.history.status')}</th>
              <th scope="col">{t('plans.history.createdBy')}</th>
              <th scope="col">{t('plans.history.decided')}</th>
              <th scope="col">{t('plans.history.pdf')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((plan) => (
              <tr key={plan.id}>
                <th scope="row">{plan.number}</th>
                <td>{t(`plans.status.${plan.status}`)}</td>
                <td>
                  {plan.createdBy.name} ({formatDay(plan.createdAt)})
                </td>
                <td>
                  {plan.decidedBy && plan.decidedAt
                    ? `${plan.decidedBy.name} (${formatDay(plan.decidedAt)})`
                    : '–'}
                </td>
                <td>
                  <a href={planPdfUrl(caseId, plan.id)} download>
                    {t('plans.history.download', { number: plan.number })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
