import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { browserKeyProblem } from './securityKeysApi';

/**
 * Why using a security key failed: the server's translated message, or what the browser
 * reported (cancelled, already registered, other), in a dkfds error alert (role="alert").
 */
export function SecurityKeyError({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const problem = browserKeyProblem(error);
  if (!error) return null;
  if (!problem) return <ErrorAlert title={title} error={error} headingLevel="h2" />;
  const messages = {
    cancelled: t('securityKeys.browserErrors.cancelled'),
    alreadyRegistered: t('securityKeys.browserErrors.alreadyRegistered'),
    failed: t('securityKeys.browserErrors.failed'),
  };
  return (
    <div className="alert alert-error" role="alert">
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">{title}</h2>
        <p className="alert-text">{messages[problem]}</p>
      </div>
    </div>
  );
}
