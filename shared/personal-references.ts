/**
 * Text that looks like it names a citizen or a record: a CPR number (ddmmyy-xxxx) or a case or
 * inquiry reference (S-2026-0007, H-2026-0012). Refused in the Infohus network's agendas and
 * minutes, which hold themes, trends and anonymous figures only (issue 14 part 6). Used by the
 * server (the rule) and the web (the same message before sending).
 *
 * The text is normalised first, so look-alike characters do not slip past: NFKC (full-width
 * digits and the like become ASCII), every other Unicode decimal digit becomes its ASCII digit,
 * invisible format characters (zero-width space, soft hyphen, direction marks) are removed, and
 * every dash (en dash, em dash, minus sign …) becomes '-'. Between the digit groups any run of
 * spaces, dots and dashes is allowed (`010190 1234`, `01.01.90-1234`, `010190-12 34`,
 * `S 2026 7`). Harmless numbers still pass: a date (01.01.2026, also with a time such as 12.00
 * after it), an 8-digit phone number, a year.
 */
const SEP = String.raw`[\s.\-]*`;
const CPR = new RegExp(
  String.raw`(?<!\d)(0[1-9]|[12]\d|3[01])${SEP}(0[1-9]|1[0-2])${SEP}\d{2}${SEP}\d{2}${SEP}\d{2}(?![.,:]?\d)`,
);
const RECORD_REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[SH]${SEP}\d{4}${SEP}\d{1,6}(?!\d)`,
  'iu',
);
const INVISIBLE = /\p{Cf}/gu;
const DASH = /[\p{Pd}\u2212\u2796\uFE63\uFF0D]/gu;
const DIGIT = /\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * A Unicode decimal digit's value: Unicode encodes decimal digits in runs of ten, 0 to 9 in
 * order, so the value is the count of digits just before it, modulo ten.
 */
function digitValue(ch: string): string {
  let cp = ch.codePointAt(0) ?? 0;
  let before = 0;
  while (cp > 0 && IS_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    before += 1;
  }
  return String(before % 10);
}

/** The text as the rule reads it (see the module's comment). */
export function normaliseForReferences(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASH, '-')
    .replace(DIGIT, (d) => (d >= '0' && d <= '9' ? d : digitValue(d)));
}

export type PersonalReference = 'cpr' | 'record_reference';

/** What the text seems to hold that the network may not see, or null when nothing. */
export function personalReferenceIn(text: string): PersonalReference | null {
  const normal = normaliseForReferences(text);
  if (CPR.test(normal)) return 'cpr';
  if (RECORD_REFERENCE.test(normal)) return 'record_reference';
  return null;
}
