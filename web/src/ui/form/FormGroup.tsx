import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The dkfds frame of one field: `form-group` (with `form-error` while it has a problem), the
 * label or legend, a hint and the error message, tied to the control by id. The field components
 * of this folder draw it; `describedBy` gives the control's `aria-describedby`.
 */

export function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** dkfds `form-error-message`, with "Fejl:" for screen readers. */
export function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {error}
    </span>
  );
}

export function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <span className="form-hint" id={id}>
      {hint}
    </span>
  );
}

interface FormGroupProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
  /** A group of radio buttons or checkboxes: a fieldset with a legend instead of a label. */
  fieldset?: boolean;
  className?: string;
}

export function FormGroup({
  id,
  label,
  hint,
  error,
  children,
  fieldset,
  className,
}: FormGroupProps) {
  const classes = ['form-group', error && 'form-error', className].filter(Boolean).join(' ');
  if (fieldset) {
    return (
      <div className={classes}>
        <fieldset aria-describedby={describedBy(id, hint, error)}>
          <legend className="form-label">{label}</legend>
          <Hint id={`${id}-hint`} hint={hint} />
          <ErrorMessage id={`${id}-error`} error={error} />
          {children}
        </fieldset>
      </div>
    );
  }
  return (
    <div className={classes}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`} hint={hint} />
      <ErrorMessage id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}
