import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  /** A short hint under the label, e.g. the expected format. */
  hint?: string;
  /** The field's error message; marks the field as invalid. */
  error?: string;
  /** dkfds width class, e.g. `input-width-m` or `input-char-8`. */
  widthClass?: string;
}

/**
 * A dkfds text field: label, optional hint and error message, all tied to the input. Unbound;
 * superseded by `TextInput` of the one form layer (./form). Do not use in new code.
 */
export function TextField({ id, label, hint, error, widthClass, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      )}
      <input
        id={id}
        className={widthClass ? `form-input ${widthClass}` : 'form-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}
