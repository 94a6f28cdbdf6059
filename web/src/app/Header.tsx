import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { logout as endSession } from '../modules/auth/authApi';
import { NotificationsLink } from '../modules/notifications/NotificationsLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Icon } from '../ui/Icon';
import { ApiError } from './api';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNavigation } from './MainNavigation';
import { MobileMenu } from './MobileMenu';
import { PRODUCT_NAME } from './product';
import { forgetSession, useSession } from './session';
import { useMeta } from './useMeta';

/**
 * dkfds header: product name, demo badge, the user and their organisation (or, before login,
 * the installation's municipality), language switch, log in/out and the main menu.
 */
export function Header() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: meta } = useMeta();
  const { data: session } = useSession();
  const user = session?.state === 'authenticated' ? session.user : null;
  const organisationName = user
    ? (user.municipality?.name ?? user.policeDistrict?.name)
    : meta?.municipality?.name;
  const logout = useLogout();

  return (
    <header className="header">
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/" aria-label={t('app.homeLinkLabel')}>
              {PRODUCT_NAME}
            </Link>
            {meta?.demo && (
              <span className="badge badge-info demo-badge">{t('app.demoBadge')}</span>
            )}
          </div>
          {(organisationName || user) && (
            <div className="additional-info">
              {organisationName && (
                <p>
                  <strong className="authority-name">{organisationName}</strong>
                </p>
              )}
              {user && (
                <p className="header-user">
                  <span className="sr-only">{t('header.userLabel')} </span>
                  {user.displayName}
                </p>
              )}
              {user && (
                <p>
                  <Link to="/sikkerhed" className="function-link">
                    {t('securityKeys.headerLink')}
                  </Link>
                </p>
              )}
            </div>
          )}
          <div className="header-actions">
            {user && <NotificationsLink />}
            <LanguageSwitch />
            {user ? (
              <button
                type="button"
                className="function-link header-login"
                onClick={() => logout.mutate()}
                disabled={logout.isPending}
              >
                <Icon name="lock" />
                {t('header.logout')}
              </button>
            ) : (
              pathname !== '/login' && (
                <Link to="/login" className="function-link header-login">
                  <Icon name="lock" />
                  {t('header.login')}
                </Link>
              )
            )}
            {user && <MobileMenu organisationName={organisationName} userName={user.displayName} />}
          </div>
        </div>
      </div>
      {logout.isError && (
        <div className="container header-alert">
          <ErrorAlert title={t('header.logoutFailedTitle')} error={logout.error} />
        </div>
      )}
      {user && <MainNavigation variant="desktop" />}
    </header>
  );
}

/**
 * Ends the session on the server, then forgets it here (and every cached answer with it) and
 * shows the login page. A session the server no longer knows counts as logged out. The next
 * login starts on the front page (see `takeLoggedOut`).
 */
function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const done = () => {
    forgetSession(queryClient, { loggedOut: true });
    void navigate('/login', { replace: true });
  };
  return useMutation({
    mutationFn: async () => {
      try {
        await endSession();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: done,
  });
}
