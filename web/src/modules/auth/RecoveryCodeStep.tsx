import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshSession } from '../../app/session';
import { sendRecoveryCode } from './authApi';
import { RecoveryBody } from '../../../../server/modules/auth/schema.ts';
import { CodeForm } from './CodeForm';
import { StepHeading } from './StepHeading';

/** Login step 2 without the phone: one of the user's one-time recovery codes. */
export function RecoveryCodeStep({ onUseApp }: { onUseApp: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <>
      <StepHeading title={t('login.recovery.title')} />
      <p className="font-lead">{t('login.recovery.intro')}</p>
      <CodeForm
        id="login-recovery-code"
        schema={RecoveryBody}
        texts="login.recovery"
        send={sendRecoveryCode}
        onAccepted={() => refreshSession(queryClient)}
        input={{ autoComplete: 'off', autoCapitalize: 'characters' }}
        widthClass="input-char-11"
      />
      <p className="mt-7">
        <button type="button" className="function-link" onClick={onUseApp}>
          {t('login.recovery.useApp')}
        </button>
      </p>
      <p>{t('login.recovery.noCodes')}</p>
    </>
  );
}
