import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { refreshSession, useSession } from '../../app/session';
import { SessionProblem } from '../../app/SessionProblem';
import { Loading } from '../../ui/Loading';
import { ENROLMENT_QUERY_KEY } from './authApi';
import { EnrolmentStep } from './EnrolmentStep';
import { PasswordStep } from './PasswordStep';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { returnPath } from './returnPath';
import { SecurityKeyStep } from './SecurityKeyStep';
import { TotpStep } from './TotpStep';

/**
 * `/login`: password, then the second factor (a security key, the app's code, a recovery code,
 * or setting up the app); a user with a security key is offered the key first. The server's
 * session says which step is due, so a reload resumes at the same step. Afterwards the user
 * goes to the page they wanted (kept in the router state) or the front page.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const session = useSession();
  // The second factor the user chose; until they choose, a key if they have one, else the app.
  const [factor, setFactor] = useState<'key' | 'totp' | 'recovery' | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [continuing, setContinuing] = useState(false);
  const [continueError, setContinueError] = useState<unknown>(null);

  const state = session.data?.state;
  const next = session.data?.next;
  const keyOffered =
    (session.data?.secondFactors ?? []).includes('webauthn') && browserSupportsWebAuthn();
  let step: 'checking' | 'password' | 'key' | 'totp' | 'recovery' | 'enrol' | 'codes' | 'done';
  if (recoveryCodes) step = 'codes';
  else if (!session.data) step = 'checking';
  else if (state === 'authenticated') step = 'done';
  else if (state === 'password_ok' && next === 'enrol_totp') step = 'enrol';
  else if (state === 'password_ok') step = factor ?? (keyOffered ? 'key' : 'totp');
  else step = 'password';

  useStepFocus(step);

  // The enrolment's secret is not needed once the codes are shown: drop it from the cache.
  useEffect(() => {
    if (recoveryCodes) queryClient.removeQueries({ queryKey: ENROLMENT_QUERY_KEY });
  }, [recoveryCodes, queryClient]);

  const continueAfterCodes = async () => {
    setContinuing(true);
    setContinueError(null);
    try {
      await refreshSession(queryClient);
      setRecoveryCodes(null); // The session is now authenticated: on to the wanted page.
    } catch (error) {
      setContinueError(error); // The codes stay on screen until the session could be read.
    } finally {
      setContinuing(false);
    }
  };

  switch (step) {
    case 'checking':
      return session.isError ? (
        <SessionProblem error={session.error} onRetry={() => void session.refetch()} />
      ) : (
        <Loading label={t('login.checking')} />
      );
    case 'done':
      return <Navigate to={returnPath(location.state)} replace />;
    case 'codes':
      return (
        <RecoveryCodesStep
          codes={recoveryCodes ?? []}
          onContinue={() => void continueAfterCodes()}
          continuing={continuing}
          error={continueError}
        />
      );
    case 'enrol':
      return <EnrolmentStep onEnrolled={setRecoveryCodes} />;
    case 'key':
      return (
        <SecurityKeyStep
          onUseApp={() => setFactor('totp')}
          onUseRecoveryCode={() => setFactor('recovery')}
        />
      );
    case 'totp':
      return (
        <TotpStep
          onUseRecoveryCode={() => setFactor('recovery')}
          onUseSecurityKey={keyOffered ? () => setFactor('key') : undefined}
        />
      );
    case 'recovery':
      return <RecoveryCodeStep onUseApp={() => setFactor('totp')} />;
    case 'password':
      return <PasswordStep />;
  }
}

/**
 * The steps share one address, so the layout does not see them change: move focus to the new
 * step's heading here, as it does after a navigation.
 */
function useStepFocus(step: string) {
  const previous = useRef(step);
  useEffect(() => {
    if (previous.current === step) return;
    const firstStep = previous.current === 'checking';
    previous.current = step;
    if (firstStep) return; // The page just loaded: focus stays where the browser put it.
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main-content h1')?.focus();
  }, [step]);
}
