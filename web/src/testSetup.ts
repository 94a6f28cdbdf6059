import i18n from 'i18next';
import { beforeAll } from 'vitest';

/*
 * Run before each unit test file (vitest.config.ts). The unit tier shares a worker's modules
 * between files, the i18n instance included, so each file starts in Danish as a new page does,
 * whatever language the file before it chose.
 */
beforeAll(async () => {
  if (i18n.isInitialized) await i18n.changeLanguage('da');
});
