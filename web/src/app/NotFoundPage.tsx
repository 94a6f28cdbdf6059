import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from './usePageTitle';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="font-lead">{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.homeLink')}</Link>
      </p>
    </>
  );
}
