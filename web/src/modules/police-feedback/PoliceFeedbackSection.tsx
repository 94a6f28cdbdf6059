import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QueryState } from '../../ui/QueryState';
import { formatDateTime } from '../cases/format';
import {
  markFeedbackRead,
  useFeedbackChanged,
  useInquiryFeedback,
  type InquiryFeedback,
} from './policeFeedbackApi';

/**
 * The police's feedback on an inquiry handed to them, on the inquiry's page: what the police say
 * the municipality may know, and for the inquiry's coordinators "Markér som læst", which ends the
 * task in "Mine opgaver". Shown for an inquiry whose decision handed it to the police.
 */
export function PoliceFeedbackSection({ inquiryId }: { inquiryId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const feedback = useInquiryFeedback(inquiryId, true);
  const changed = useFeedbackChanged();
  const mutation = useMutation({
    mutationFn: (item: InquiryFeedback) => markFeedbackRead(inquiryId, item),
    onSuccess: changed,
  });

  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h2 id={headingId}>{t('policeFeedback.sectionHeading')}</h2>
      {mutation.error ? (
        <ErrorAlert title={t('policeFeedback.markFailedTitle')} error={mutation.error} />
      ) : null}
      <QueryState
        query={feedback}
        loading={t('policeFeedback.loading')}
        loadError={t('policeFeedback.loadError')}
      >
        {({ items, mayMarkRead }) =>
          items.length === 0 ? (
            <p>{t('policeFeedback.noneYet')}</p>
          ) : (
            <ul className="nobullet-list">
              {items.map((item) => (
                <li key={item.id} className="mb-4">
                  <strong>{t(`policeFeedback.kinds.${item.kind}`)}</strong>
                  <br />
                  {t('policeFeedback.sentBy', {
                    name: item.sentBy,
                    at: formatDateTime(item.sentAt),
                  })}
                  {item.note && <p>{item.note}</p>}
                  {item.readAt ? (
                    <p>
                      {t('policeFeedback.readBy', {
                        name: item.readBy ?? '',
                        at: formatDateTime(item.readAt),
                      })}
                    </p>
                  ) : (
                    mayMarkRead && (
                      <p>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={mutation.isPending}
                          onClick={() => mutation.mutate(item)}
                        >
                          {t('policeFeedback.markRead')}
                        </button>
                      </p>
                    )
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
