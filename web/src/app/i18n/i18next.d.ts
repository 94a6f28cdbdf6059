import 'i18next';
import type { da } from './catalogues';

// Typed keys: `t('nav.cases')` is checked against the Danish catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof da };
  }
}
