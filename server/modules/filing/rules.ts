/**
 * The formats of journalisation, shared by the server's checks and the web's forms (no Node
 * code here): a KLE subject number ("27.24.00": main group, group, subject, two digits each), a
 * KLE handling facet ("G01": a capital letter and two digits) and a journal number as record
 * systems write them ("27.24.00-A53-1-26", "2026-004711", "SAG 12/3456"). Each problem is a code
 * whose message both sides translate (`validation.<code>` on the server, `filing.problems.<code>`
 * on the web). KLE is Kommunernes Landsforenings emnesystematik; the municipality chooses the
 * number, the product never assumes one.
 */
export const KLE_CODE = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/;
export const KLE_FACET = /^[A-Z][0-9]{2}$/;
/** Letters, digits, and . - / _ : and single spaces between them; starts and ends with a letter or digit. */
export const JOURNAL_NUMBER = /^[\p{L}\p{N}](?:[\p{L}\p{N}./_:-]| (?! ))*$/u;
const JOURNAL_LAST = /[\p{L}\p{N}]$/u;

export type FilingProblemCode = 'kle_code_format' | 'kle_facet_format' | 'journal_number_format';

export function isJournalNumber(text: string): boolean {
  return JOURNAL_NUMBER.test(text) && JOURNAL_LAST.test(text);
}

/** The problems of the filing settings a change holds (absent or null fields are fine). */
export function filingSettingsProblems(change: {
  filingKleCode?: string | null;
  filingKleFacet?: string | null;
}): { field: 'filingKleCode' | 'filingKleFacet'; code: FilingProblemCode }[] {
  const problems: { field: 'filingKleCode' | 'filingKleFacet'; code: FilingProblemCode }[] = [];
  if (typeof change.filingKleCode === 'string' && !KLE_CODE.test(change.filingKleCode)) {
    problems.push({ field: 'filingKleCode', code: 'kle_code_format' });
  }
  if (typeof change.filingKleFacet === 'string' && !KLE_FACET.test(change.filingKleFacet)) {
    problems.push({ field: 'filingKleFacet', code: 'kle_facet_format' });
  }
  return problems;
}
