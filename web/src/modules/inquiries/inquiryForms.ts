import { SIGN_CODES, signTier, type ConcernSign } from './inquiriesApi';

/**
 * The concern signs as the inquiry forms hold them (a checkbox and a note per sign), and the
 * names of the body's signs (`signs.2.note`) as the form's (`signs.extremist_media.note`). The
 * checking with the server's body schema and the renaming of its problems are the form layer's
 * (`addBodyIssues`, `renameServerErrors` in ui/form).
 */

/** The concern signs as a form holds them: each one checked or not, with its note. */
export type SignValues = Record<ConcernSign, { checked: boolean; note: string }>;

export function signValues(signs: readonly { code: ConcernSign; note: string | null }[] = []) {
  const values = {} as SignValues;
  for (const code of SIGN_CODES) values[code] = { checked: false, note: '' };
  for (const sign of signs) values[sign.code] = { checked: true, note: sign.note ?? '' };
  return values;
}

/** The checked signs in the list's order (the order of the body, so errors name the right one). */
export function checkedSigns(signs: SignValues): ConcernSign[] {
  return SIGN_CODES.filter((code) => signs[code]?.checked);
}

export function signsBody(signs: SignValues): { code: ConcernSign; note: string | null }[] {
  return checkedSigns(signs).map((code) => ({ code, note: signs[code].note.trim() || null }));
}

/** A serious sign or immediate danger: the inquiry becomes urgent, and the form says call 112/114. */
export function isUrgent(signs: SignValues, immediateDanger: boolean): boolean {
  return immediateDanger || checkedSigns(signs).some((code) => signTier(code) === 'serious');
}

/** `signs.2.note` (the third checked sign's note) → `signs.<code>.note`; null if not a sign's. */
export function renameSign(path: string, signs: SignValues): string | null {
  const match = /^signs\.(\d+)(?:\.(code|note))?$/.exec(path);
  if (!match) return null;
  const code = checkedSigns(signs)[Number(match[1])];
  if (!code) return null;
  return match[2] === 'note' ? `signs.${code}.note` : `signs.${code}.checked`;
}
