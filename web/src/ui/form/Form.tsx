import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  FormProvider,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, isStale } from '../../app/api';
import { ErrorAlert } from '../ErrorAlert';
import { ErrorSummary, formProblems } from './ErrorSummary';
import { FormContext, type FormContextValue } from './FormContext';
import { applyServerErrors, appliedTo } from './serverErrors';

interface FormProps<TIn extends FieldValues, TOut> {
  form: UseFormReturn<TIn, unknown, TOut>;
  /**
   * Called with the schema's output once the browser finds the values valid. Return the save's
   * promise (`mutation.mutateAsync(values)`): if it fails with field problems, they are put on the
   * fields and the error summary takes focus.
   */
  onSubmit: (values: TOut) => unknown;
  /**
   * The failed save's error (`mutation.error`). Unless its field problems are on the fields, or it
   * is a stale edit (for `StaleNotice`), it is shown as an error alert headed `errorTitle`.
   */
  error?: unknown;
  errorTitle?: string;
  /**
   * Without the error summary (a form of one or two fields inside a page section): after a
   * failed submit, focus goes to the first field with a problem instead.
   */
  summary?: boolean;
  /** The form element's id, and the prefix of its fields' ids (default: a generated one). */
  id?: string;
  className?: string;
  /** `search` for a search form. */
  role?: string;
  'aria-labelledby'?: string;
  children: ReactNode;
}

function focusFirst<TIn extends FieldValues, TOut>(
  form: UseFormReturn<TIn, unknown, TOut>,
  errors: FieldErrors<TIn>,
) {
  const first = formProblems(errors).find((problem) => !problem.name.startsWith('root'));
  if (first) form.setFocus(first.name as Path<TIn>);
}

/** True for an error that is neither field problems nor a stale edit: one to show as an alert. */
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
  summary = true,
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
          if (applyServerErrors(form, failure, { focus: !summary }) && summary) {
            setFocusKey((key) => key + 1);
          }
        }
      },
      (errors) => {
        if (summary) setFocusKey((key) => key + 1);
        else focusFirst(form, errors);
      },
    )(event);
  };

  return (
    <FormProvider {...form}>
      <FormContext.Provider value={context}>
        <form id={id} className={className} noValidate onSubmit={submit} {...rest}>
          {summary && <ErrorSummary focusKey={focusKey} />}
          {error && !isStale(error) && !appliedTo(form, error) ? (
            <ErrorAlert
              title={errorTitle ?? t('form.errorSummaryHeading')}
              error={error}
              headingLevel="h2"
            />
          ) : null}
          {children}
        </form>
      </FormContext.Provider>
    </FormProvider>
  );
}
