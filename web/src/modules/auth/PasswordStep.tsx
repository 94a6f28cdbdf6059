import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshSession } from '../../app/session';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { login } from './authApi';
import { StepHeading } from './StepHeading';

/** Login step 1: username and password. Success leads to the second factor (or its set-up). */
export function PasswordStep() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: login,
    // The session now says which second step comes next; the login page follows it.
    onSuccess: () => refreshSession(queryClient),
    onError: () => setPassword(''),
  });

  const fields: FormField[] = [
    { name: 'body.username', id: 'login-username', label: t('login.password.username') },
    { name: 'body.password', id: 'login-password', label: t('login.password.password') },
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate({ username, password });
  };

  return (
    <>
      <StepHeading title={t('login.password.title')} />
      <p className="font-lead">{t('login.password.intro')}</p>
      <FormError error={mutation.error} fields={fields} title={t('login.password.failedTitle')} />
      <form className="login-form" noValidate onSubmit={submit}>
        <TextField
          id="login-username"
          label={t('login.password.username')}
          error={errors['body.username']}
          widthClass="input-width-l"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          id="login-password"
          label={t('login.password.password')}
          error={errors['body.password']}
          widthClass="input-width-l"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('login.password.pending') : t('login.password.submit')}
        </button>
      </form>
      <p className="mt-7">{t('login.password.forgotten')}</p>
    </>
  );
}
