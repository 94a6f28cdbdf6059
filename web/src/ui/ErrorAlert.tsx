import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { Icon } from './Icon';

interface ErrorAlertProps {
  /** What failed, e.g. "The units could not be loaded". */
  title: string;
  error: unknown;
  /** What it means, in the page's own words, instead of the server's message. */
  text?: string | undefined;
  /** Shows a "Try again" button when given. */
  onRetry?: () => void;
  headingLevel?: 'h2' | 'h3';
}

/** A dkfds error alert: what failed, the server's (translated) reason, and a way to retry. */
export function ErrorAlert({ title, error, text, onRetry, headingLevel = 'h3' }: ErrorAlertProps) {
  const { t } = useTranslation();
  const Heading = headingLevel;
  let message = t('errors.unexpected');
  if (text) message = text;
  else if (error instanceof ApiError) {
    message = error.serverMessage ?? (error.status === 0 ? t('errors.network') : message);
  }
  return (
    <div className="alert alert-error" role="alert">
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <Heading className="alert-heading">{title}</Heading>
        <p className="alert-text">{message}</p>
        {onRetry && (
          <button type="button" className="button button-secondary mt-4" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
