import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface StaleNoticeProps {
  /** Fetches the latest version, to start again from it. */
  onReload: () => void;
  /** What changed; default "The information was changed while you were editing …". */
  text?: string;
  /** A heading; without `text` and `title`, "Someone else changed this". */
  title?: string;
  /** The button's text; default "Load the latest version". */
  reloadLabel?: string;
  /** Disables the button while the latest version is on its way. */
  reloading?: boolean;
  headingLevel?: 'h2' | 'h3' | 'h4';
}

/**
 * The one answer to a stale edit (`isStale` in app/api.ts, a 409): someone else saved the record
 * since it was read, so the change was not saved. Says so, and offers to fetch the latest version
 * to start again. Takes focus, like the error summary, so the user hears it at once.
 */
export function StaleNotice({
  onReload,
  text,
  title,
  reloadLabel,
  reloading = false,
  headingLevel = 'h2',
}: StaleNoticeProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const Heading = headingLevel;
  const heading = title ?? (text === undefined ? t('form.stale.title') : undefined);
  return (
    <div ref={ref} className="alert alert-warning" role="alert" tabIndex={-1}>
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        {heading && <Heading className="alert-heading">{heading}</Heading>}
        <p className="alert-text">{text ?? t('form.stale.text')}</p>
        <button
          type="button"
          className="button button-secondary mt-4"
          disabled={reloading}
          onClick={onReload}
        >
          {reloadLabel ?? t('form.stale.reload')}
        </button>
      </div>
    </div>
  );
}
