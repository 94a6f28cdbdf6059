import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { setLanguage, type Language } from './i18n';

/**
 * Switches between Danish and English. The visible text is the other language's own name
 * ("English" / "Dansk"); screen readers also hear what the button does.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const target: Language = i18n.resolvedLanguage === 'en' ? 'da' : 'en';

  const switchLanguage = async () => {
    await setLanguage(target);
    // Error messages come translated from the server: fetch failed queries again in the new language.
    await queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  };

  return (
    <button type="button" className="function-link language-switch" onClick={switchLanguage}>
      <Icon name="language" />
      <span lang={target}>{t('language.switchLabel')}</span>
      <span className="sr-only"> {t('language.switchHint')}</span>
    </button>
  );
}
