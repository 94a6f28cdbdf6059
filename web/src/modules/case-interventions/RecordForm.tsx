import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { focusAfterSave, Form, SuccessMessage, type FocusTarget } from '../../ui/form';
import { useRefreshCase } from '../cases/casesApi';

interface RecordFormProps<TIn extends FieldValues, TOut, R> {
  form: UseFormReturn<TIn, unknown, TOut>;
  save: (body: TOut) => Promise<R>;
  /** The values the form starts the next record with. */
  next: (created: R, body: TOut) => TIn;
  /** Where focus goes after saving: the section's heading or the new record. */
  focusTo: (created: R) => FocusTarget;
  legend: string;
  /** The legend's heading class: `h4` in a section of the tab, `h5` inside an intervention. */
  legendClass?: string;
  success: string;
  errorTitle: string;
  submit: string;
  children: ReactNode;
}

/**
 * A form of the tab that records something new (a consent, an offer, an intervention, a session
 * note) in a fieldset with its legend. Saved, the case is refreshed, the form starts the next
 * record, success is said above the fields and focus goes on.
 */
export function RecordForm<TIn extends FieldValues, TOut, R>({
  form,
  save,
  next,
  focusTo,
  legend,
  legendClass = 'h4',
  success,
  errorTitle,
  submit,
  children,
}: RecordFormProps<TIn, TOut, R>) {
  const refresh = useRefreshCase();
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (created, body) => {
      form.reset(next(created, body));
      setSaved(true);
      await refresh();
      focusAfterSave(focusTo(created));
    },
  });
  return (
    <Form
      form={form}
      onSubmit={(body) => {
        setSaved(false);
        return mutation.mutateAsync(body);
      }}
      error={mutation.error}
      errorTitle={errorTitle}
    >
      <fieldset>
        <legend className={legendClass}>{legend}</legend>
        {saved && <SuccessMessage>{success}</SuccessMessage>}
        {children}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {submit}
        </button>
      </fieldset>
    </Form>
  );
}
