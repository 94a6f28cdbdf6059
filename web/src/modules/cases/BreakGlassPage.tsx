import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { z } from 'zod';
import { BreakGlassBody } from '../../../../server/modules/cases/schema.ts';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { Form, isFormAlert, TextArea, TextInput, useZodForm } from '../../ui/form';
import { Icon } from '../../ui/Icon';
import { PageHeading } from '../../ui/PageHeading';
import { breakGlass, CASES_QUERY_KEY } from './casesApi';
import './cases.css';

/** Break-the-glass (/sager/bryd-glasset): only for users whose abilities allow it. */
export function BreakGlassPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.records.breakGlass) return <AccessDeniedPage />;
  return <BreakGlassForm />;
}

const FORM_ID = 'break-glass';

/**
 * The form's check: the server's `BreakGlassBody`, after the reference is put in capitals and
 * the spaces are taken out of the code (the values sent are the schema's output).
 */
const BreakGlassValues = BreakGlassBody.extend({
  reference: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(BreakGlassBody.shape.reference),
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(BreakGlassBody.shape.code),
});

/**
 * A coordinator opens a case they are not a member of: the case's reference, a written reason
 * and a fresh code from their app. The page says plainly, before anything is sent, that access
 * lasts 60 minutes, is logged and that the other coordinators are told.
 */
function BreakGlassForm() {
  const { t } = useTranslation();
  usePageTitle(t('cases.breakGlass.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const consequencesId = useId();
  const form = useZodForm(BreakGlassValues, {
    defaultValues: { reference: '', reason: '', code: '' },
  });

  const mutation = useMutation({
    mutationFn: breakGlass,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: CASES_QUERY_KEY });
      await navigate(`/sager/${result.caseId}`);
    },
    // A code the server looked at is used up or wrong: clear it. Other fields stay to be fixed.
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.field) : [];
      if (fields.length === 0 || fields.includes('body.code')) form.setValue('code', '');
    },
  });

  // An error without fields is an alert, not the error summary (which focuses itself): move
  // focus there too, so keyboard and screen reader users hear what went wrong.
  useEffect(() => {
    if (!isFormAlert(mutation.error)) return;
    const alert = document.querySelector<HTMLElement>(`#${FORM_ID} .alert`);
    if (!alert) return;
    alert.tabIndex = -1;
    alert.focus();
  }, [mutation.error]);

  return (
    <>
      <p className="case-back">
        <Link to="/sager">{t('cases.detail.backToList')}</Link>
      </p>
      <PageHeading>{t('cases.breakGlass.title')}</PageHeading>
      <p className="font-lead">{t('cases.breakGlass.intro')}</p>

      <div className="alert alert-warning" id={consequencesId}>
        <Icon name="warning" className="alert-icon" />
        <div className="alert-body">
          <h2 className="alert-heading">{t('cases.breakGlass.consequencesHeading')}</h2>
          <ul className="alert-text">
            <li>{t('cases.breakGlass.consequenceDuration')}</li>
            <li>{t('cases.breakGlass.consequenceLogged')}</li>
            <li>{t('cases.breakGlass.consequenceNotified')}</li>
            <li>{t('cases.breakGlass.consequenceNeed')}</li>
          </ul>
        </div>
      </div>

      <Form
        id={FORM_ID}
        className="break-glass-form"
        form={form}
        onSubmit={(body) => (mutation.isPending ? undefined : mutation.mutateAsync(body))}
        error={mutation.error}
        errorTitle={t('cases.breakGlass.failedTitle')}
      >
        <TextInput
          name="reference"
          label={t('cases.breakGlass.reference')}
          hint={t('cases.breakGlass.referenceHint')}
          widthClass="input-width-s"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <TextArea
          name="reason"
          label={t('cases.breakGlass.reason')}
          hint={t('cases.breakGlass.reasonHint')}
          rows={5}
          maxLength={2000}
          required
        />
        <TextInput
          name="code"
          label={t('cases.breakGlass.code')}
          hint={t('cases.breakGlass.codeHint')}
          widthClass="input-char-8"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          spellCheck={false}
          required
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          aria-describedby={consequencesId}
        >
          {mutation.isPending ? t('cases.breakGlass.pending') : t('cases.breakGlass.submit')}
        </button>
      </Form>
    </>
  );
}
