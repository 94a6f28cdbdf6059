import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { useNotifications } from './notificationsApi';
import './notifications.css';

/**
 * The bell in the header: a link to the notifications with the number of unread ones. The count
 * is part of the link's name ("Notifikationer (2 ulæste)") rather than a live region, so the
 * minute-by-minute polling does not interrupt a screen reader.
 */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <Link to="/notifikationer" className="function-link header-notifications">
      <Icon name="notifications" />
      <span className="header-notifications-label">{t('notifications.link')}</span>
      {unread > 0 && (
        <>
          <span className="badge badge-error notifications-count" aria-hidden="true">
            {unread}
          </span>{' '}
          <span className="sr-only">
            {unread === 1
              ? t('notifications.unreadOne')
              : t('notifications.unreadMany', { count: unread })}
          </span>
        </>
      )}
    </Link>
  );
}
