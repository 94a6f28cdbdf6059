import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { confirmEnrolment, ENROLMENT_QUERY_KEY, startEnrolment } from './authApi';
import { CodeBody } from '../../../../server/modules/auth/schema.ts';
import { APP_CODE_FIELD, CodeForm } from './CodeForm';
import { StepHeading } from './StepHeading';

/** "ABCDEFGH…" as "ABCD EFGH …", easier to read and type into an app by hand. */
export function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Login step 2 for a user without a second factor: set up an authenticator app (scan the QR code
 * or type the key), then prove it works with a first code. The server answers with the recovery
 * codes, which `onEnrolled` shows.
 */
export function EnrolmentStep({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const stepsHeadingId = useId();
  // A new secret for every start: fetched once and kept while the user sets up the app.
  const enrolment = useQuery({
    queryKey: ENROLMENT_QUERY_KEY,
    queryFn: startEnrolment,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  return (
    <>
      <StepHeading title={t('login.enrol.title')} />
      <p className="font-lead">{t('login.enrol.intro')}</p>
      <h2 id={stepsHeadingId}>{t('login.enrol.stepsHeading')}</h2>
      <ol aria-labelledby={stepsHeadingId} className="enrol-steps">
        <li>{t('login.enrol.stepInstall')}</li>
        <li>{t('login.enrol.stepScan')}</li>
        <li>{t('login.enrol.stepCode')}</li>
      </ol>
      {enrolment.isPending && <Loading label={t('login.enrol.loading')} />}
      {enrolment.isError && (
        <ErrorAlert
          title={t('login.enrol.loadErrorTitle')}
          error={enrolment.error}
          headingLevel="h2"
          onRetry={() => void enrolment.refetch()}
        />
      )}
      {enrolment.data && (
        <>
          <img
            className="totp-qr"
            src={enrolment.data.qrCodeDataUrl}
            alt={t('login.enrol.qrAlt')}
            width={220}
            height={220}
          />
          <h3>{t('login.enrol.manualHeading')}</h3>
          <p>{t('login.enrol.manualText')}</p>
          <p className="totp-secret">
            <span className="totp-secret-label">{t('login.enrol.secretLabel')}: </span>
            <code>{groupsOfFour(enrolment.data.secret)}</code>
          </p>
          <CodeForm
            id="login-enrol-code"
            schema={CodeBody}
            texts="login.enrol"
            send={confirmEnrolment}
            onAccepted={(result) => onEnrolled(result.recoveryCodes)}
            {...APP_CODE_FIELD}
          />
        </>
      )}
    </>
  );
}
