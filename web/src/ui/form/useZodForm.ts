import { useEffect } from 'react';
import { useForm, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import i18n from '../../app/i18n';
import { zodFormResolver, type FieldMessages } from './resolver';
import { relabelErrors } from './serverErrors';

/** A Zod schema whose input is an object of form values (a request body schema). */
export type FormSchema = z.ZodType<FieldValues, FieldValues>;

/** The form `useZodForm` returns: react-hook-form's, typed by the schema's input and output. */
export type ZodForm<S extends FormSchema> = UseFormReturn<z.input<S>, unknown, z.output<S>>;

export type ZodFormOptions<S extends FormSchema> = Omit<
  UseFormProps<z.input<S>, unknown, z.output<S>>,
  'resolver'
> & {
  /** Some problems in the form's own words: field path → problem code → translation key. */
  messages?: FieldMessages;
};

/**
 * react-hook-form with the Zod resolver (./resolver.ts): the browser checks the values with the
 * same schema the server uses (import it from server/modules/<module>/schema.ts or shared/values.ts) before
 * anything is sent; the server still decides. Messages are the app's own, in the current
 * language (./messages.ts), and follow the language switch. Focus goes to the error summary of
 * `<Form>` after a failed submit, not to the first field (`shouldFocusError: false`).
 *
 * Give every field a default value: `applyServerErrors` only puts a server error on a field the
 * form holds.
 */
export function useZodForm<S extends FormSchema>(
  schema: S,
  options: ZodFormOptions<S> = {},
): ZodForm<S> {
  const { messages, ...formOptions } = options;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    ...formOptions,
    resolver: zodFormResolver(schema, messages),
  });

  // After a language switch, say the shown problems again in the new language.
  useEffect(() => {
    const relabel = () => void relabelErrors(form);
    i18n.on('languageChanged', relabel);
    return () => i18n.off('languageChanged', relabel);
  }, [form]);

  return form;
}
