import { useTranslation } from 'react-i18next';
import { PRODUCT_NAME } from './product';
import { useMeta } from './useMeta';

/** dkfds footer: product name, version and, in demo mode, a reminder that the data is made up. */
export function Footer() {
  const { t } = useTranslation();
  const { data: meta } = useMeta();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <ul className="align-text-left unstyled-list inline-list">
            <li>
              <strong>{PRODUCT_NAME}</strong>
            </li>
            {meta && <li>{t('footer.version', { version: meta.version })}</li>}
            {meta?.demo && <li>{t('footer.demoNotice')}</li>}
          </ul>
        </div>
      </div>
    </footer>
  );
}
