import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { loginState } from '../modules/auth/returnPath';
import { Loading } from '../ui/Loading';
import { AccessDeniedPage } from './AccessDeniedPage';
import { mayOpen, type CapabilityId } from './navigation';
import { loggedOutOnPurpose, useSession } from './session';
import { SessionProblem } from './SessionProblem';

/**
 * Guards the pages below it: only a user logged in with both factors sees them. Anyone else goes
 * to the login page, which keeps the wanted page in the router state to return to afterwards.
 */
export function RequireLogin() {
  const { t } = useTranslation();
  const { pathname, search, hash } = useLocation();
  const session = useSession();

  if (session.isPending) return <Loading label={t('login.checking')} />;
  if (!session.data) {
    return <SessionProblem error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (session.data.state !== 'authenticated') {
    // After an expired session the login returns here; after "Log ud" it starts afresh.
    const state = loggedOutOnPurpose() ? null : loginState(pathname, search, hash);
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/**
 * A capability's page, or the "access denied" page when the user's abilities (decided by the
 * server) do not open it.
 */
export function RequireAbility({
  capability,
  children,
}: {
  capability: CapabilityId;
  children: ReactNode;
}) {
  const { data: session } = useSession();
  if (!mayOpen(capability, session?.abilities ?? null)) return <AccessDeniedPage />;
  return children;
}
