import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationFailure } from '../../ui/form';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { cancelFollowUp, type FollowUpItem, type FollowUpList } from './followUpsApi';
import { CompactTable } from '../../ui/Table';

/** The scheduled follow-ups, overdue ones marked in words; a writer records or cancels each. */
export function Upcoming({
  detail,
  list,
  canWrite,
  onRecord,
  onDone,
}: {
  detail: CaseDetail;
  list: FollowUpList;
  canWrite: boolean;
  onRecord: (followUp: FollowUpItem) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const scheduled = list.items.filter((f) => f.status === 'scheduled');
  const cancel = useMutation({
    mutationFn: (f: FollowUpItem) => cancelFollowUp(detail.id, f.id, f.version),
    onSuccess: async (_result, f) => {
      onDone(t('followUps.upcoming.cancelled', { date: formatDate(f.dueOn) }));
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.upcoming.heading')}</h3>
      <MutationFailure
        mutations={cancel}
        errorTitle={t('followUps.upcoming.cancelError')}
        retry
        headingLevel="h4"
        text={t('followUps.stale')}
        reloadLabel={t('followUps.reload')}
        onReload={() => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] })}
      />
      {scheduled.length === 0 ? (
        <p>{t('followUps.upcoming.empty')}</p>
      ) : (
        <CompactTable
          className="case-table"
          caption={t('followUps.upcoming.caption', { reference: detail.reference })}
          columns={[
            t('followUps.upcoming.dueColumn'),
            t('followUps.upcoming.statusColumn'),
            canWrite && t('followUps.upcoming.actionsColumn'),
          ]}
        >
          {scheduled.map((f) => (
            <tr key={f.id}>
              <td>{formatDate(f.dueOn)}</td>
              <td>
                {t('followUps.status.scheduled')}{' '}
                {f.overdue && (
                  <span className="badge badge-warning case-badge">
                    {t('followUps.upcoming.overdue')}
                  </span>
                )}
              </td>
              {canWrite && (
                <td className="follow-up-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onRecord(f)}
                  >
                    {t('followUps.upcoming.record')}
                    <span className="sr-only">
                      {' '}
                      {t('followUps.upcoming.forDate', { date: formatDate(f.dueOn) })}
                    </span>
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-tertiary button-small"
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate(f)}
                  >
                    {t('followUps.upcoming.cancel')}
                    <span className="sr-only">
                      {' '}
                      {t('followUps.upcoming.forDate', { date: formatDate(f.dueOn) })}
                    </span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </CompactTable>
      )}
    </section>
  );
}
