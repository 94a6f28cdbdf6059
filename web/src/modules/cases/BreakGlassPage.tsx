import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Icon } from '../../ui/Icon';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { breakGlass, CASES_QUERY_KEY } from './casesApi';
import './cases.css';

/** Break-the-glass (/sager/bryd-glasset): only for users whose abilities allow it. */
export function BreakGlassPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.records.breakGlass) return <AccessDeniedPage />;
  return <BreakGlassForm />;
}

const REFERENCE_ID = 'break-glass-reference';
const REASON_ID = 'break-glass-reason';
const CODE_ID = 'break-glass-code';

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
  const errorRef = useRef<HTMLDivElement>(null);
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');

  const mutation = useMutation({
    mutationFn: breakGlass,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: CASES_QUERY_KEY });
      await navigate(`/sager/${result.caseId}`);
    },
    // A code the server looked at is used up or wrong: clear it. Other fields stay to be fixed.
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.field) : [];
      if (fields.length === 0 || fields.includes('body.code')) setCode('');
    },
  });

  // An error without fields is an alert, not the error summary (which focuses itself): move
  // focus there too, so keyboard and screen reader users hear what went wrong.
  useEffect(() => {
    const error = mutation.error;
    if (error && !(error instanceof ApiError && error.fields.length > 0)) errorRef.current?.focus();
  }, [mutation.error]);

  const fields: FormField[] = [
    { name: 'body.reference', id: REFERENCE_ID, label: t('cases.breakGlass.reference') },
    { name: 'body.reason', id: REASON_ID, label: t('cases.breakGlass.reason') },
    { name: 'body.code', id: CODE_ID, label: t('cases.breakGlass.code') },
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({
      reference: reference.trim().toUpperCase(),
      reason: reason.trim(),
      code: code.replace(/\s+/g, ''),
    });
  };

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

      <div ref={errorRef} tabIndex={-1} className="break-glass-error">
        <FormError
          error={mutation.error}
          fields={fields}
          title={t('cases.breakGlass.failedTitle')}
        />
      </div>

      <form className="break-glass-form" noValidate onSubmit={submit}>
        <TextField
          id={REFERENCE_ID}
          label={t('cases.breakGlass.reference')}
          hint={t('cases.breakGlass.referenceHint')}
          error={errors['body.reference']}
          widthClass="input-width-s"
          name="reference"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />
        <ReasonField value={reason} onChange={setReason} error={errors['body.reason']} />
        <TextField
          id={CODE_ID}
          label={t('cases.breakGlass.code')}
          hint={t('cases.breakGlass.codeHint')}
          error={errors['body.code']}
          widthClass="input-char-8"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          aria-describedby={consequencesId}
        >
          {mutation.isPending ? t('cases.breakGlass.pending') : t('cases.breakGlass.submit')}
        </button>
      </form>
    </>
  );
}

/** The written reason: a dkfds textarea with hint and error, like TextField. */
function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const hintId = `${REASON_ID}-hint`;
  const errorId = `${REASON_ID}-error`;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={REASON_ID}>
        {t('cases.breakGlass.reason')}
      </label>
      <span className="form-hint" id={hintId}>
        {t('cases.breakGlass.reasonHint')}
      </span>
      {error && (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      )}
      <textarea
        id={REASON_ID}
        name="reason"
        className="form-input input-width-xl"
        rows={5}
        maxLength={2000}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
