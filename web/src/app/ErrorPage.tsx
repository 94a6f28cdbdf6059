import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from './usePageTitle';

/**
 * Shown by the error boundaries: what happened and what the user can do. It uses a plain link
 * (not the router), so it also works when the error happened outside the router.
 */
export function ErrorPage() {
  const { t } = useTranslation();
  usePageTitle(t('errorPage.title'));
  return (
    <div className="error-page">
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <p className="font-lead">{t('errorPage.text')}</p>
      <p>{t('errorPage.whatToDo')}</p>
      <div className="error-page-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t('errorPage.reload')}
        </button>
        <a href="/">{t('errorPage.homeLink')}</a>
      </div>
    </div>
  );
}
