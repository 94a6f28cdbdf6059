import appDa from './locales/da.json';
import appEn from './locales/en.json';

/**
 * The translation catalogues: the shell's texts (./locales) plus one pair of files per module
 * (web/src/modules/<module>/locales/{da,en}.json), each under its own top-level key so modules
 * never edit each other's texts. A new module adds its two imports here.
 */
export const da = {
  ...appDa,
};

export const en = {
  ...appEn,
} satisfies Record<keyof typeof da, unknown>;
