import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import i18n from '../../app/i18n';
import { isSaidIssue, issueProblem, problemMessage } from './messages';

/**
 * A form's own words for some problems: by field path, then problem code, a translation key,
 * e.g. `{ intoPersonId: { invalid_format: 'persons.merge.invalidId' } }`.
 */
export type FieldMessages = Record<string, Partial<Record<string, string>>>;

/**
 * The Zod resolver of the form layer: like `zodResolver` of @hookform/resolvers, but each
 * problem is said by its code in the app's own words (./messages.ts), so a message written into a
 * server schema (`.regex(…, 'username')`) or Zod's English never reaches the user. The first
 * problem of a field is shown; its `type` is the code (`too_big_string`). `messages` says some
 * problems in the form's own words (`type` `custom`, shown as they are).
 */
export function zodFormResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  messages: FieldMessages = {},
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || 'root';
      if (errors[path]) continue;
      if (isSaidIssue(issue)) {
        errors[path] = { type: 'custom', message: issue.message };
        continue;
      }
      const problem = issueProblem(issue);
      // A form's own words for a missing value hold for an empty choice too.
      const own =
        messages[path]?.[problem.code] ??
        (problem.code === 'choose' ? messages[path]?.required : undefined);
      // The form's own words are said as they are (type `custom`), as a said issue is.
      errors[path] = own
        ? { type: 'custom', message: i18n.t(own as never) }
        : { type: problem.code, message: problemMessage(problem) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
