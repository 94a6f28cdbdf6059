import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshSession } from '../../app/session';
import { SecurityKeyError } from './SecurityKeyError';
import { logInWithSecurityKey } from './securityKeysApi';
import { StepHeading } from './StepHeading';

/**
 * Login step 2 with a security key: the user chooses to use it, the browser asks them to touch
 * the key, and the server checks the key's answer. The app's code and a recovery code remain.
 */
export function SecurityKeyStep({
  onUseApp,
  onUseRecoveryCode,
}: {
  onUseApp: () => void;
  onUseRecoveryCode: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: logInWithSecurityKey,
    onSuccess: () => refreshSession(queryClient),
  });

  return (
    <>
      <StepHeading title={t('securityKeys.login.title')} />
      <p className="font-lead">{t('securityKeys.login.intro')}</p>
      <SecurityKeyError error={mutation.error} title={t('securityKeys.login.failedTitle')} />
      <p role="status" className={mutation.isPending ? undefined : 'sr-only'}>
        {mutation.isPending ? t('securityKeys.login.waiting') : ''}
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {t('securityKeys.login.submit')}
      </button>
      <p className="mt-7">
        <button type="button" className="function-link" onClick={onUseApp}>
          {t('securityKeys.login.useApp')}
        </button>
      </p>
      <p>
        <button type="button" className="function-link" onClick={onUseRecoveryCode}>
          {t('securityKeys.login.useRecovery')}
        </button>
      </p>
    </>
  );
}
