import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/**
 * A change refused because someone else saved the inquiry first (409): says so plainly, with
 * the version now stored and the one the user worked on, and offers to load the newest. Takes
 * focus, like the error summary, so the user hears it at once.
 */
export function StaleNotice({
  myVersion,
  currentVersion,
  onReload,
  reloading = false,
}: {
  myVersion: number;
  currentVersion: number | null;
  onReload: () => void;
  reloading?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-warning inquiry-stale" role="alert" tabIndex={-1}>
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <h3 className="alert-heading">{t('inquiries.stale.title')}</h3>
        <p className="alert-text">
          {currentVersion !== null
            ? t('inquiries.stale.textVersions', { current: currentVersion, mine: myVersion })
            : t('inquiries.stale.text')}
        </p>
        <p className="alert-text">{t('inquiries.stale.notSaved')}</p>
        <button
          type="button"
          className="button button-primary mt-4"
          disabled={reloading}
          onClick={onReload}
        >
          {t('inquiries.stale.reload')}
        </button>
      </div>
    </div>
  );
}
