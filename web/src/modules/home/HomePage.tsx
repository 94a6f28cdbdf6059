import { useTranslation } from 'react-i18next';
import { PRODUCT_NAME } from '../../app/product';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { OrganisationSection } from './OrganisationSection';

/** The front page: what Tovholder is for, and the municipality's organisation. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  return (
    <>
      <PageHeading>{PRODUCT_NAME}</PageHeading>
      <p className="font-lead">{t('home.intro')}</p>
      <p>{t('home.introMore')}</p>
      <OrganisationSection />
    </>
  );
}
