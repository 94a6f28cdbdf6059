import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { Form, SuccessMessage, TextInput, useZodForm } from '../../ui/form';
import { activatePartner } from './partnerAccessApi';

const Values = z.object({ password: z.string().min(1).max(256) });

/**
 * A new partner sets their password (/partner/aktivering#<token>): the token from the invitation
 * e-mail stays in the address's fragment (never sent to the server in a request line or a log);
 * then they log in and set up the second factor like every user.
 */
export function ActivationPage() {
  const { t } = useTranslation();
  usePageTitle(t('partnerView.activation.title'));
  const token = typeof window === 'undefined' ? '' : window.location.hash.slice(1);
  const form = useZodForm(Values, { defaultValues: { password: '' } });
  const mutation = useMutation({
    mutationFn: (values: z.output<typeof Values>) => activatePartner(token, values.password),
  });
  return (
    <>
      <PageHeading>{t('partnerView.activation.title')}</PageHeading>
      {mutation.data ? (
        <>
          <SuccessMessage>
            {t('partnerView.activation.done', { username: mutation.data.username })}
          </SuccessMessage>
          <p>
            <Link to="/login">{t('partnerView.activation.login')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="font-lead">{t('partnerView.activation.intro')}</p>
          <Form
            id="partner-activation"
            form={form}
            onSubmit={(values) => mutation.mutateAsync(values)}
            error={mutation.error}
            errorTitle={t('partnerView.activation.failedTitle')}
          >
            <TextInput
              name="password"
              type="password"
              autoComplete="new-password"
              label={t('partnerView.activation.password')}
              hint={t('partnerView.activation.passwordHint')}
            />
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {t('partnerView.activation.submit')}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
