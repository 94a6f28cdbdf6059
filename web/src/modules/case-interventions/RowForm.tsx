import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { focusAfterSave, Form } from '../../ui/form';
import { ChangeStale } from './formParts';
import { useRefreshCase } from '../cases/casesApi';

interface RowFormProps<TIn extends FieldValues, TOut, R> {
  form: UseFormReturn<TIn, unknown, TOut>;
  save: (body: TOut) => Promise<R>;
  /** Told the answer; the form then closes. */
  onSaved: (result: R) => void;
  /** The section's heading, where focus goes after saving (the form closes). */
  headingId: string;
  /** The button that opens the form, and what stands before it while the form is closed. */
  openLabel: string;
  closed?: ReactNode;
  /** Without the error summary (a form of one field). */
  summary?: boolean;
  /** Shows the stale-edit notice of a change to a record with a version. */
  stale?: boolean;
  errorTitle: string;
  submit: string;
  children: ReactNode;
}

/**
 * A form in a row of a table (withdrawing a consent, answering or making an offer), opened by a
 * button and closed by saving or cancelling.
 */
export function RowForm<TIn extends FieldValues, TOut, R>({
  form,
  save,
  onSaved,
  headingId,
  openLabel,
  closed,
  summary,
  stale,
  errorTitle,
  submit,
  children,
}: RowFormProps<TIn, TOut, R>) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (result) => {
      onSaved(result);
      setOpen(false);
      await refresh();
      focusAfterSave(headingId);
    },
  });
  if (!open) {
    return (
      <>
        {closed}
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {openLabel}
        </button>
      </>
    );
  }
  return (
    <Form
      form={form}
      summary={summary}
      onSubmit={(body) => mutation.mutateAsync(body)}
      error={mutation.error}
      errorTitle={errorTitle}
    >
      {stale && <ChangeStale mutation={mutation} />}
      {children}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {submit}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </Form>
  );
}
