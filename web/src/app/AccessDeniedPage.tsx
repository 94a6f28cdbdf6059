import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from './usePageTitle';

/** A page the user's role does not open: why, who can help, and a way on. */
export function AccessDeniedPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessDenied.title'));
  return (
    <>
      <PageHeading>{t('accessDenied.title')}</PageHeading>
      <p className="font-lead">{t('accessDenied.text')}</p>
      <p>{t('accessDenied.whatToDo')}</p>
      <p>
        <Link to="/">{t('accessDenied.homeLink')}</Link>
      </p>
    </>
  );
}
