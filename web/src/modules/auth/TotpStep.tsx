import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshSession } from '../../app/session';
import { confirmTotp } from './authApi';
import { CodeBody } from '../../../../server/modules/auth/schema.ts';
import { APP_CODE_FIELD, CodeForm } from './CodeForm';
import { StepHeading } from './StepHeading';

/** Login step 2: the six-digit code from the authenticator app (or a key, when the user has one). */
export function TotpStep({
  onUseRecoveryCode,
  onUseSecurityKey,
}: {
  onUseRecoveryCode: () => void;
  onUseSecurityKey?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <>
      <StepHeading title={t('login.totp.title')} />
      <p className="font-lead">{t('login.totp.intro')}</p>
      <CodeForm
        id="login-totp"
        schema={CodeBody}
        texts="login.totp"
        send={confirmTotp}
        onAccepted={() => refreshSession(queryClient)}
        {...APP_CODE_FIELD}
      />
      <p className="mt-7">
        <button type="button" className="function-link" onClick={onUseRecoveryCode}>
          {t('login.totp.useRecovery')}
        </button>
      </p>
      {onUseSecurityKey && (
        <p>
          <button type="button" className="function-link" onClick={onUseSecurityKey}>
            {t('securityKeys.login.useKey')}
          </button>
        </p>
      )}
    </>
  );
}
