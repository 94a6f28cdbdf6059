import type { z } from 'zod';
import i18n from '../../app/i18n';
import { YEAR_MAX, YEAR_MIN, YEAR_RANGE } from '../../../../server/platform/primitives.ts';
import { isImpossibleDate } from './dates';

/**
 * Zod issues as field problems with the server's code names (server/platform/http-errors.ts
 * `fieldProblems`), so a field says the same in the browser as the server would say. Two codes
 * are the browser's own, for clearer text: `invalid_date` and `not_a_number`. Zod's English
 * messages are never shown.
 */
export interface FieldProblem {
  code: string;
  params?: Record<string, string | number>;
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || input === '';
}

/**
 * A date the schema refused: one written as a date that the calendar does not have says so with
 * the text as typed ("31.02.2003 findes ikke"); anything else asks for dd.mm.åååå.
 */
export function dateProblem(input: unknown): FieldProblem {
  if (typeof input === 'string' && isImpossibleDate(input)) {
    return { code: 'date_not_exist', params: { date: input.trim() } };
  }
  return { code: 'invalid_date' };
}

export function issueProblem(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(issue.input)) return { code: 'required' };
      if (issue.expected === 'int') return { code: 'not_integer' };
      if (issue.expected === 'number') return { code: 'not_a_number' };
      return { code: 'invalid_type' };
    case 'too_small':
    case 'too_big': {
      const kind =
        issue.origin === 'string' || issue.origin === 'array' ? issue.origin : ('number' as const);
      if (kind === 'string' && issue.code === 'too_small' && Number(issue.minimum) === 1) {
        return { code: 'required' };
      }
      if (kind === 'array' && issue.code === 'too_small' && isEmpty(issue.input)) {
        return { code: 'too_small_array', params: { minimum: Number(issue.minimum) } };
      }
      const params: Record<string, number> =
        issue.code === 'too_small'
          ? { minimum: Number(issue.minimum) }
          : { maximum: Number(issue.maximum) };
      return { code: `${issue.code}_${kind}`, params };
    }
    case 'invalid_format':
      if (issue.input === '') return { code: 'required' };
      if (issue.format === 'date') return dateProblem(issue.input);
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'regex' && issue.pattern === String(YEAR_RANGE)) {
        return { code: 'date_out_of_range', params: { min: YEAR_MIN, max: YEAR_MAX } };
      }
      return { code: 'invalid_format' };
    case 'invalid_value':
      // Nothing chosen from a list (an empty select): "Vælg …" names the field where it is shown.
      return isEmpty(issue.input) ? { code: 'choose' } : { code: 'invalid_value' };
    case 'not_multiple_of':
      return { code: 'not_integer' };
    default:
      return { code: 'invalid' };
  }
}

/** The problem's text in the current language (`form.validation.<code>`). */
export function problemMessage(problem: FieldProblem): string {
  const key = `form.validation.${problem.code}`;
  // The key is built from a code, so it is looked up untyped; an unknown code says "invalid".
  const translate = i18n.t as (key: string, params?: Record<string, string | number>) => string;
  return translate(i18n.exists(key) ? key : 'form.validation.invalid', problem.params);
}

/** A Zod issue's message in the current language (usable as the `error` option of a parse). */
export function issueMessage(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): string {
  return problemMessage(issueProblem(issue));
}

/** The problem codes that mean nothing was chosen or given, as the browser or the server says. */
const UNCHOSEN = ['required', 'choose'];

/** What a field's problem says, with the code(s) it came with. */
export interface ShownProblem {
  type: string;
  message?: string;
  types?: Record<string, unknown>;
}

/**
 * The message a field shows for its problem. A field where the user picks from a list (a select,
 * radio buttons) with nothing picked says what to choose by its label ("Vælg kilde.", or
 * "Vælg en af mulighederne under »Status for målet«." for a longer label), whether the browser or
 * the server found it; every other problem says its own message.
 */
export function shownMessage(
  problem: ShownProblem,
  field: { label: string; choice?: Choice } | undefined,
): string {
  const unchosen =
    UNCHOSEN.includes(problem.type) || UNCHOSEN.some((code) => problem.types?.[code] !== undefined);
  if (!field?.choice || !unchosen) return problem.message ?? '';
  if (typeof field.choice === 'string') return field.choice;
  // One word reads as an object ("Vælg kilde."); a longer label is named as it stands.
  return /^[\p{L}-]+$/u.test(field.label)
    ? i18n.t('form.choose', { label: lowerFirst(field.label) })
    : i18n.t('form.chooseUnder', { label: field.label });
}

/**
 * A field where the user picks from a list: `true` says "Vælg <label>." when nothing is picked,
 * a text says that text (the form's own words, e.g. "Vælg status for målet.").
 */
export type Choice = boolean | string;

/** "Kilde" → "kilde"; an abbreviation ("CPR-nummer", "KLE") keeps its capitals. */
function lowerFirst(label: string): string {
  const second = label.charAt(1);
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) {
    return label;
  }
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A problem a form's own check says in its own words (already translated), e.g. a date that is
 * in the future. The resolver shows its message as it is; any other custom issue (a server
 * schema's `.refine`) is said by code, so no English reaches the user.
 */
export function saidIssue(path: string, message: string) {
  return { code: 'custom' as const, message, path: path.split('.'), params: { said: true } };
}

export function isSaidIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.said === true;
}
