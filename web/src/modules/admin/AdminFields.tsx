import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** An error message tied to a field or group by id (dkfds form-error-message). */
function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {error}
    </span>
  );
}

interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'className' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  /** What the setting is about, above the checkbox. */
  legend: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

/**
 * A yes/no setting: one dkfds checkbox in a fieldset with legend, hint and error message. Kept
 * for the interventions catalogue until it moves to the form layer (`Checkbox` with `legend` in
 * ui/form does the same, bound to a form).
 */
export function CheckboxField({ id, legend, label, hint, error, ...input }: CheckboxFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset>
        <legend className="form-label">{legend}</legend>
        <FieldError id={errorId} error={error} />
        <div className="form-group-checkbox admin-checkbox-list">
          <input
            id={id}
            type="checkbox"
            className="form-checkbox"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
            {...input}
          />
          <label className="form-label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <span className="form-hint" id={hintId}>
              {hint}
            </span>
          )}
        </div>
      </fieldset>
    </div>
  );
}
