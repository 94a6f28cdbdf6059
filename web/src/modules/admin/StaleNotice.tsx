import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/**
 * A change was refused because someone else saved first (409): says so, and offers to load the
 * latest version. Takes focus, like the form error summary, so the user hears it at once.
 */
export function StaleNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-warning" role="alert" tabIndex={-1}>
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">{t('admin.common.staleTitle')}</h2>
        <p className="alert-text">{t('admin.common.staleText')}</p>
        <button type="button" className="button button-secondary mt-4" onClick={onReload}>
          {t('admin.common.reloadLatest')}
        </button>
      </div>
    </div>
  );
}
