import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { ApiError } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { withoutSpaces } from './authApi';

interface CodeFormProps<T> {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  /** Heading of the alert when the server rejects the code. */
  failedTitle: string;
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

/** One field for a code (from the app, or a recovery code) and a submit button. */
export function CodeForm<T>({
  id,
  label,
  hint,
  submitLabel,
  failedTitle,
  send,
  onAccepted,
  input,
  widthClass,
}: CodeFormProps<T>) {
  const [code, setCode] = useState('');
  const mutation = useMutation({
    mutationFn: (value: string) => send(withoutSpaces(value)),
    onSuccess: (result) => onAccepted(result),
    // A rejected code is used up or wrong: clear it. A badly formed one stays, to be corrected.
    onError: (error) => {
      if (!(error instanceof ApiError && error.fields.length > 0)) setCode('');
    },
  });
  const fields = [{ name: 'body.code', id, label }];
  const fieldError = fieldErrors(mutation.error)['body.code'];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate(code);
  };

  return (
    <>
      <FormError error={mutation.error} fields={fields} title={failedTitle} />
      <form className="login-form" noValidate onSubmit={submit}>
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={fieldError}
          widthClass={widthClass}
          name="code"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          {...input}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
