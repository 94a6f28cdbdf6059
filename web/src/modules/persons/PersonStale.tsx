import { useTranslation } from 'react-i18next';
import { StaleNotice } from '../../ui/StaleNotice';

/**
 * Someone else changed the person first (409): the one stale notice with the person page's title
 * and "load the latest version" (`onReload`); `text` says what was not done.
 */
export function PersonStale({ text, onReload }: { text: string; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <StaleNotice
      title={t('persons.edit.staleTitle')}
      text={text}
      reloadLabel={t('persons.edit.reload')}
      headingLevel="h3"
      onReload={onReload}
    />
  );
}
