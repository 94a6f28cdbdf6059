import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNavigation } from './MainNavigation';
import { MobileMenu } from './MobileMenu';
import { PRODUCT_NAME } from './product';
import { useMeta } from './useMeta';

/** dkfds header: product name, municipality, demo badge, language switch and main menu. */
export function Header() {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  const municipalityName = meta?.municipality?.name;

  return (
    <header className="header">
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/" aria-label={t('app.homeLinkLabel')}>
              {PRODUCT_NAME}
            </Link>
            {meta?.demo && (
              <span className="badge badge-info demo-badge">{t('app.demoBadge')}</span>
            )}
          </div>
          {municipalityName && (
            <div className="additional-info">
              <p>
                <strong className="authority-name">{municipalityName}</strong>
              </p>
            </div>
          )}
          <div className="header-actions">
            <LanguageSwitch />
            <MobileMenu municipalityName={municipalityName} />
          </div>
        </div>
      </div>
      <MainNavigation variant="desktop" />
    </header>
  );
}
