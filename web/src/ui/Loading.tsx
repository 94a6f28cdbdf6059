import { useTranslation } from 'react-i18next';

/** A dkfds spinner with a status text that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status" role="status">
        {label ?? t('loading.default')}
      </div>
    </div>
  );
}
