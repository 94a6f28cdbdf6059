import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { danishToday, focusAfterSave, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import type { Review } from './closureApi';
import { reviewOpensOn } from './closureValues';
import { ReviewForm } from './ReviewForm';
import { ScrollTable } from '../../ui/Table';

/**
 * The re-reviews 6 and 12 months after closure: a table of them, and for a coordinator the form
 * of each one that can be recorded now (from 30 days before it is due), or the date it can.
 */
export function ReviewList({ detail, reviews }: { detail: CaseDetail; reviews: Review[] }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean | null) =>
    value === null ? '–' : value ? t('closure.reviews.yes') : t('closure.reviews.no');
  const canRecord = detail.abilities.closure.approve;
  const today = danishToday();
  const scheduled = reviews.filter((r) => r.status === 'scheduled');
  const open = scheduled.filter((r) => reviewOpensOn(r.dueOn) <= today);
  const later = scheduled.filter((r) => reviewOpensOn(r.dueOn) > today);
  // Kept here: the recorded review leaves the scheduled list, and its form with it.
  const [recorded, setRecorded] = useState(false);
  const doneId = useId();
  return (
    <>
      {recorded && (
        <div id={doneId}>
          <SuccessMessage>{t('closure.record.done')}</SuccessMessage>
        </div>
      )}
      <ScrollTable label={t('closure.reviews.caption')}>
        <table className="table table--compact">
          <caption>{t('closure.reviews.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('closure.reviews.whenColumn')}</th>
              <th scope="col">{t('closure.reviews.dueColumn')}</th>
              <th scope="col">{t('closure.reviews.statusColumn')}</th>
              <th scope="col">{t('closure.reviews.heldColumn')}</th>
              <th scope="col">{t('closure.reviews.noLongerAtRisk')}</th>
              <th scope="col">{t('closure.reviews.inEducationOrWork')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.id}>
                <td>{t('closure.reviews.months', { months: r.months })}</td>
                <td>{formatDate(r.dueOn)}</td>
                <td>{t(`closure.reviewStatus.${r.status}`)}</td>
                <td>{r.heldOn ? formatDate(r.heldOn) : '–'}</td>
                <td>{yesNo(r.noLongerAtRisk)}</td>
                <td>{yesNo(r.inEducationOrWork)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {reviews
        .filter((r) => r.reason)
        .map((r) => (
          <p key={r.id} className="case-text">
            <strong>{t('closure.reviews.reasonOf', { months: r.months })}</strong> {r.reason}
          </p>
        ))}
      {canRecord &&
        later.map((r) => (
          <p key={r.id}>
            {t('closure.reviews.opensOn', {
              months: r.months,
              date: formatDate(reviewOpensOn(r.dueOn)),
            })}
          </p>
        ))}
      {canRecord &&
        open.map((r) => (
          <ReviewForm
            key={r.id}
            detail={detail}
            review={r}
            onRecorded={() => {
              setRecorded(true);
              focusAfterSave(doneId);
            }}
          />
        ))}
    </>
  );
}
