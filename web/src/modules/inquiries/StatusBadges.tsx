import { useTranslation } from 'react-i18next';

/** "Hastende" and "Umiddelbar fare" as badges with words (never by colour alone). */
export function StatusBadges({
  urgent,
  immediateDanger,
}: {
  urgent: boolean;
  immediateDanger: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {urgent && (
        <>
          {' '}
          <span className="badge badge-error inquiry-badge">{t('inquiries.badges.urgent')}</span>
        </>
      )}
      {immediateDanger && (
        <>
          {' '}
          <span className="badge badge-warning inquiry-badge">
            {t('inquiries.badges.immediateDanger')}
          </span>
        </>
      )}
    </>
  );
}
