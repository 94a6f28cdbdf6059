import { useTranslation } from 'react-i18next';
import { NotificationKindSchema, type NotificationKind } from '../../../../shared/values.ts';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { formatDateTime } from '../cases/format';
import { useMarkRead, useNotifications, type Notification } from './notificationsApi';
import './notifications.css';

/** "Notifikationer": the user's latest notifications, newest first, each to mark as read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const notifications = useNotifications();
  const markRead = useMarkRead();

  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="font-lead">{t('notifications.intro')}</p>
      <QueryState
        query={notifications}
        loading={t('notifications.loading')}
        loadError={t('notifications.loadError')}
      >
        {(data) => (
          <>
            <p role="status">
              {data.unread === 0
                ? t('notifications.noneUnread')
                : data.unread === 1
                  ? t('notifications.unreadCountOne')
                  : t('notifications.unreadCountMany', { count: data.unread })}
            </p>
            {markRead.isError && (
              <ErrorAlert title={t('notifications.markReadError')} error={markRead.error} />
            )}
            {data.items.length === 0 ? (
              <p>{t('notifications.empty')}</p>
            ) : (
              <ul className="notification-list nobullet-list">
                {data.items.map((item) => (
                  <li
                    key={item.id}
                    className={item.readAt ? 'notification' : 'notification notification-unread'}
                  >
                    {!item.readAt && (
                      <span className="badge badge-info notification-new">
                        {t('notifications.new')}
                      </span>
                    )}
                    <p className="notification-text">
                      <NotificationText item={item} />
                    </p>
                    <p className="notification-time">{formatDateTime(item.createdAt)}</p>
                    {!item.readAt && (
                      <button
                        type="button"
                        className="button button-tertiary"
                        disabled={markRead.isPending && markRead.variables === item.id}
                        onClick={() => markRead.mutate(item.id)}
                      >
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/**
 * Case-work notifications (server/jobs/case-work.ts and the case-work modules): the sentence's
 * key and the tab of the case page it links to.
 */
type CaseWorkKey =
  | 'offerRenewalDue'
  | 'followUpOverdue'
  | 'reviewDue'
  | 'planAwaitingApproval'
  | 'closureAwaitingApproval'
  | 'planRejected'
  | 'interventionAssigned'
  | 'consentWithdrawn'
  | 'consentExpired'
  | 'transferAnswered';
const CASE_WORK_KINDS: Partial<Record<NotificationKind, { key: CaseWorkKey; tab: string }>> = {
  offer_renewal_due: { key: 'offerRenewalDue', tab: 'indsatser' },
  follow_up_overdue: { key: 'followUpOverdue', tab: 'opfoelgning' },
  review_due: { key: 'reviewDue', tab: 'afslutning' },
  plan_awaiting_approval: { key: 'planAwaitingApproval', tab: 'handleplan' },
  closure_awaiting_approval: { key: 'closureAwaitingApproval', tab: 'afslutning' },
  plan_rejected: { key: 'planRejected', tab: 'handleplan' },
  intervention_assigned: { key: 'interventionAssigned', tab: 'indsatser' },
  consent_withdrawn: { key: 'consentWithdrawn', tab: 'indsatser' },
  consent_expired: { key: 'consentExpired', tab: 'indsatser' },
  transfer_answered: { key: 'transferAnswered', tab: '' },
};

/** The sentence for a notification, made from its kind. */
function NotificationText({ item }: { item: Notification }) {
  const { t } = useTranslation();
  if (item.kind === 'break_glass') {
    const reference = item.caseReference ?? t('notifications.unknownCase');
    return (
      <>
        {item.actorName
          ? t('notifications.kinds.breakGlass', { actor: item.actorName, reference })
          : t('notifications.kinds.breakGlassUnknownActor', { reference })}{' '}
        {t('notifications.kinds.breakGlassMore')}
      </>
    );
  }
  if (
    (item.kind === 'inquiry_deadline_soon' || item.kind === 'inquiry_overdue') &&
    item.inquiryId
  ) {
    const reference = item.inquiryReference ?? t('notifications.unknownInquiry');
    const time = item.inquiryDeadlineAt ? formatDateTime(item.inquiryDeadlineAt) : '';
    return (
      <Link to={`/henvendelser/${item.inquiryId}`}>
        {item.kind === 'inquiry_overdue'
          ? t('notifications.kinds.inquiryOverdue', { reference })
          : t('notifications.kinds.inquiryDeadlineSoon', { reference, time })}
      </Link>
    );
  }
  if (item.kind === 'inquiry_possible_duplicate' && item.inquiryId) {
    return (
      <Link to={`/henvendelser/${item.inquiryId}`}>
        {t('notifications.kinds.inquiryPossibleDuplicate', {
          reference: item.inquiryReference ?? t('notifications.unknownInquiry'),
          caseReference: item.caseReference ?? t('notifications.unknownCase'),
        })}
      </Link>
    );
  }
  if (item.kind === 'transfer_incoming') {
    return <Link to="/overfoersler">{t('notifications.kinds.transferIncoming')}</Link>;
  }
  const kind = NotificationKindSchema.safeParse(item.kind);
  const caseWork = kind.success ? CASE_WORK_KINDS[kind.data] : undefined;
  if (caseWork && item.caseId && item.caseReference) {
    return (
      <Link to={`/sager/${item.caseId}/${caseWork.tab}`}>
        {t(`notifications.kinds.${caseWork.key}`, { reference: item.caseReference })}
      </Link>
    );
  }
  return <>{t('notifications.kinds.other')}</>;
}
