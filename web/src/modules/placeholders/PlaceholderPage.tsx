import { useTranslation } from 'react-i18next';
import type { CapabilityId } from '../../app/navigation';
import { usePageTitle } from '../../app/usePageTitle';
import { Icon } from '../../ui/Icon';
import { PageHeading } from '../../ui/PageHeading';

/** Stands in for a capability that is not built yet: its name and what it will hold. */
export function PlaceholderPage({ capability }: { capability: CapabilityId }) {
  const { t } = useTranslation();
  const title = t(`nav.${capability}`);
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t(`placeholder.descriptions.${capability}`)}</p>
      <div className="alert alert-info">
        <Icon name="info" className="alert-icon" />
        <div className="alert-body">
          <h2 className="alert-heading">{t('placeholder.noticeHeading')}</h2>
          <p className="alert-text">{t('placeholder.noticeText')}</p>
        </div>
      </div>
    </>
  );
}
