import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, isStale } from '../../app/api';
import { ErrorAlert } from '../ErrorAlert';
import { ErrorSummary } from './ErrorSummary';
import { FormContext, type FormContextValue } from './FormContext';
import { applyServerErrors } from './serverErrors';

interface FormProps<TIn extends FieldValues, TOut> {
  form: UseFormReturn<TIn, unknown, TOut>;
  /**
   * Called with the schema's output once the browser finds the values valid. Return the save's
   * promise (`mutation.mutateAsync(values)`): if it fails with field problems, they are put on the
   * fields and the error summary takes focus.
   */
  onSubmit: (values: TOut) => unknown;
  /**
   * The failed save's error (`mutation.error`). Anything but field problems and a stale edit (for
   * `StaleNotice`) is shown as an error alert headed `errorTitle`.
   */
  error?: unknown;
  errorTitle?: string;
  /** The form element's id, and the prefix of its fields' ids (default: a generated one). */
  id?: string;
  className?: string;
  'aria-labelledby'?: string;
  children: ReactNode;
}

/** True for an error `Form` shows itself as an alert (not field problems, not a stale edit). */
export function isFormAlert(error: unknown): boolean {
  if (!error || isStale(error)) return false;
  return !(error instanceof ApiError && error.fields.length > 0);
}

/**
 * A form of the one form layer: react-hook-form's provider for the field components, a
 * `<form noValidate>` that checks the values with the schema before `onSubmit`, the dkfds error
 * summary (focused after a failed submit), and an alert for other failures. See ./index.ts.
 */
export function Form<TIn extends FieldValues, TOut>({
  form,
  onSubmit,
  error,
  errorTitle,
  id,
  className,
  children,
  ...rest
}: FormProps<TIn, TOut>) {
  const { t } = useTranslation();
  const generated = useId();
  const idPrefix = id ?? `form${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [focusKey, setFocusKey] = useState(0);
  const context = useMemo<FormContextValue>(() => ({ idPrefix, fields: new Map() }), [idPrefix]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    void form.handleSubmit(
      async (values) => {
        try {
          await onSubmit(values);
        } catch (failure) {
          // Field problems go onto the fields; any other failure is shown from `error`.
          if (applyServerErrors(form, failure, { focus: false })) setFocusKey((key) => key + 1);
        }
      },
      () => setFocusKey((key) => key + 1),
    )(event);
  };

  return (
    <FormProvider {...form}>
      <FormContext.Provider value={context}>
        <form id={id} className={className} noValidate onSubmit={submit} {...rest}>
          <ErrorSummary focusKey={focusKey} />
          {isFormAlert(error) && (
            <ErrorAlert
              title={errorTitle ?? t('form.errorSummaryHeading')}
              error={error}
              headingLevel="h2"
            />
          )}
          {children}
        </form>
      </FormContext.Provider>
    </FormProvider>
  );
}
