import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da, en } from './catalogues';

/** Danish first; English when the user has chosen it (remembered in localStorage). */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'tovholder.lang';

export const resources = {
  da: { translation: da },
  en: { translation: en },
} as const;

function isLanguage(value: unknown): value is Language {
  return value === 'da' || value === 'en';
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    // Storage can be blocked (private browsing, policies): Danish is the default.
    return 'da';
  }
}

/** The active language, always one of LANGUAGES. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : 'da';
}

/** Switches language, remembers the choice and keeps `<html lang>` in step. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // The choice then lasts until the page is reloaded.
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = isLanguage(language) ? language : 'da';
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'da',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes
  returnEmptyString: false,
  initAsync: false,
});

document.documentElement.lang = currentLanguage();

export default i18n;
