import { useMutation } from '@tanstack/react-query';
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CodeBody, RecoveryBody } from '../../../../server/modules/auth/schema.ts';
import { ApiError } from '../../app/api';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { withoutSpaces } from './authApi';

interface CodeFormProps<T> {
  id: string;
  /** The server's schema of the code (`CodeBody` or `RecoveryBody`). */
  schema: typeof CodeBody | typeof RecoveryBody;
  /**
   * The step's texts: `<texts>.code` (the label), `.hint`, `.submit` and `.failedTitle` (the
   * heading of the alert when the server rejects the code).
   */
  texts: 'login.totp' | 'login.recovery' | 'login.enrol';
  /** Sends the code to the server. */
  send: (code: string) => Promise<T>;
  /** Runs after the server accepted the code; the button stays busy until it resolves. */
  onAccepted: (result: T) => Promise<void> | void;
  input: Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'inputMode' | 'autoComplete' | 'autoCapitalize' | 'pattern'
  >;
  widthClass: string;
}

/** The field of the six-digit code from the authenticator app ("123 456"), at login and enrolment. */
export const APP_CODE_FIELD = {
  input: { inputMode: 'numeric', autoComplete: 'one-time-code', pattern: '[0-9 ]*' },
  widthClass: 'input-char-8',
} satisfies Pick<CodeFormProps<unknown>, 'input' | 'widthClass'>;

/**
 * One field for a code (from the app, or a recovery code) and a submit button. The code is
 * checked with the server's schema once the spaces are out ("123 456" is typed as the app shows).
 */
export function CodeForm<T>({
  id,
  schema,
  texts,
  send,
  onAccepted,
  input,
  widthClass,
}: CodeFormProps<T>) {
  const { t } = useTranslation();
  const form = useZodForm(
    z.object({ code: z.string().transform(withoutSpaces).pipe(schema.shape.code) }),
    { defaultValues: { code: '' } },
  );
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (result) => onAccepted(result),
    // A rejected code is used up or wrong: clear it. A badly formed one stays, to be corrected.
    onError: (error) => {
      if (!(error instanceof ApiError && error.fields.length > 0)) form.setValue('code', '');
    },
  });

  return (
    <Form
      id={`${id}-form`}
      form={form}
      className="login-form"
      onSubmit={({ code }) => mutation.mutateAsync(code)}
      error={mutation.error}
      errorTitle={t(`${texts}.failedTitle`)}
    >
      <TextInput
        name="code"
        id={id}
        label={t(`${texts}.code`)}
        hint={t(`${texts}.hint`)}
        widthClass={widthClass}
        spellCheck={false}
        required
        {...input}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t(`${texts}.submit`)}
      </button>
    </Form>
  );
}
