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

interface CheckboxGroupProps<T extends string> {
  /** The id of the group; the first checkbox gets it too, so the error summary can focus it. */
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: { value: T; label: string }[];
  selected: T[];
  onChange: (selected: T[]) => void;
  empty?: string;
}

/** A dkfds group of checkboxes in a fieldset with legend, hint and error message. */
export function CheckboxGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
  empty,
}: CheckboxGroupProps<T>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  const toggle = (value: T, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend className="form-label">{legend}</legend>
        {hint && (
          <span className="form-hint" id={hintId}>
            {hint}
          </span>
        )}
        <FieldError id={errorId} error={error} />
        {options.length === 0 && empty && <p>{empty}</p>}
        <ul className="nobullet-list admin-checkbox-list">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <li key={option.value} className="form-group-checkbox">
                <input
                  id={optionId}
                  type="checkbox"
                  className="form-checkbox"
                  checked={selected.includes(option.value)}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label className="form-label" htmlFor={optionId}>
                  {option.label}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
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

/** A yes/no setting: one dkfds checkbox in a fieldset with legend, hint and error message. */
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
