import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoginBody } from '../../../../server/modules/auth/schema.ts';
import { refreshSession } from '../../app/session';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { login } from './authApi';
import { StepHeading } from './StepHeading';

/** Login step 1: username and password. Success leads to the second factor (or its set-up). */
export function PasswordStep() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(LoginBody, { defaultValues: { username: '', password: '' } });
  const mutation = useMutation({
    mutationFn: login,
    // The session now says which second step comes next; the login page follows it.
    onSuccess: () => refreshSession(queryClient),
    onError: () => form.setValue('password', ''),
  });

  return (
    <>
      <StepHeading title={t('login.password.title')} />
      <p className="font-lead">{t('login.password.intro')}</p>
      <Form
        id="login"
        form={form}
        className="login-form"
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('login.password.failedTitle')}
      >
        <TextInput
          name="username"
          label={t('login.password.username')}
          widthClass="input-width-l"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextInput
          name="password"
          label={t('login.password.password')}
          widthClass="input-width-l"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('login.password.pending') : t('login.password.submit')}
        </button>
      </Form>
      <p className="mt-7">{t('login.password.forgotten')}</p>
    </>
  );
}
