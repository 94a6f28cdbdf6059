import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useGuidanceOverrides, type GuidanceKey } from './guidanceApi';

/**
 * Guidance where the work happens (issue 15 part 6): one collapsed dkfds details block per key,
 * next to the fields it helps with, naming its source. The text is the municipality's own when
 * its administrator replaced it (in the language shown, else the Danish one), else the
 * product's default from the locale files. While the replacements load, the defaults show.
 */
export function Guidance({ keys }: { keys: GuidanceKey[] }) {
  const { t } = useTranslation();
  const overrides = useGuidanceOverrides();
  const language = currentLanguage();
  return (
    <div className="guidance no-print">
      {keys.map((key) => {
        const own = overrides.data?.items.find((o) => o.key === key);
        const text = own ? ((language === 'en' ? own.textEn : null) ?? own.textDa) : null;
        return (
          <details key={key} className="details guidance-details">
            <summary className="details-summary">
              {t('guidance.summary', { title: t(`guidance.title.${key}`) })}
            </summary>
            <div className="details-text">
              <p className="guidance-text">{text ?? t(`guidance.text.${key}`)}</p>
              <p className="form-hint">
                {own
                  ? t('guidance.own')
                  : t('guidance.source', { source: t(`guidance.sourceOf.${key}`) })}
              </p>
            </div>
          </details>
        );
      })}
    </div>
  );
}
