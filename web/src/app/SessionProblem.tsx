import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from './usePageTitle';

/** The session could not be read (server unreachable): say so and offer to try again. */
export function SessionProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  return (
    <>
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <ErrorAlert
        title={t('login.sessionErrorTitle')}
        error={error}
        onRetry={onRetry}
        headingLevel="h2"
      />
    </>
  );
}
