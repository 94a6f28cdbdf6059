import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { StepHeading } from './StepHeading';

/**
 * After the set-up: the ten recovery codes, shown this once (the server keeps only their
 * hashes). The user continues when they have stored them.
 */
export function RecoveryCodesStep({
  codes,
  onContinue,
  continuing,
  error,
}: {
  codes: string[];
  onContinue: () => void;
  continuing: boolean;
  /** Why continuing failed (the session could not be read), if it did. */
  error: unknown;
}) {
  const { t } = useTranslation();
  const listLabelId = useId();
  return (
    <>
      <StepHeading title={t('login.recoveryCodes.title')} />
      <p className="font-lead">{t('login.recoveryCodes.intro')}</p>
      <div className="alert alert-warning">
        <Icon name="warning" className="alert-icon" />
        <div className="alert-body">
          <h2 className="alert-heading">{t('login.recoveryCodes.warningHeading')}</h2>
          <p className="alert-text">{t('login.recoveryCodes.warningText')}</p>
        </div>
      </div>
      <h2 id={listLabelId} className="h3">
        {t('login.recoveryCodes.listLabel')}
      </h2>
      <ol className="recovery-codes" aria-labelledby={listLabelId}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {error !== null && (
        <ErrorAlert
          title={t('login.recoveryCodes.continueFailed')}
          error={error}
          headingLevel="h2"
        />
      )}
      <div className="recovery-codes-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={onContinue}
          disabled={continuing}
        >
          {t('login.recoveryCodes.continue')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          <Icon name="print" />
          {t('login.recoveryCodes.print')}
        </button>
      </div>
    </>
  );
}
