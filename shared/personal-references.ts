/**
 * Text that looks like it names a citizen or a record: a CPR number (ddmmyy-xxxx, with or without
 * the dash or a space) or a case or inquiry reference (S-2026-0007, H-2026-0012). Refused in the
 * Infohus network's agendas and minutes, which hold themes, trends and anonymous figures only
 * (issue 14 part 6). Used by the server (the rule) and the web (the same message before sending).
 */
const CPR = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?!\d)/;
const RECORD_REFERENCE = /\b[SH]-\d{4}-\d{4,6}\b/i;

export type PersonalReference = 'cpr' | 'record_reference';

/** What the text seems to hold that the network may not see, or null when nothing. */
export function personalReferenceIn(text: string): PersonalReference | null {
  if (CPR.test(text)) return 'cpr';
  if (RECORD_REFERENCE.test(text)) return 'record_reference';
  return null;
}
