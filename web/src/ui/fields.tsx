import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Unbound form fields in the dkfds markup of ./TextField.tsx: a label, an optional hint and an
 * error message, all tied to the control by id. Superseded by the one form layer (./form), whose
 * fields are bound to a react-hook-form form; kept while modules move to it. Do not use in new
 * code.
 */

function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {error}
    </span>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

interface TextAreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  widthClass?: string;
}

export function TextArea({ id, label, hint, error, widthClass, ...textarea }: TextAreaProps) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorMessage id={`${id}-error`} error={error} />
      <textarea
        id={id}
        className={`form-input ${widthClass ?? 'input-width-xl'}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </div>
  );
}

interface SelectProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'className' | 'aria-invalid' | 'aria-describedby'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}

export function Select({ id, label, hint, error, children, ...select }: SelectProps) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorMessage id={`${id}-error`} error={error} />
      <select
        id={id}
        className="form-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

interface RadioGroupProps<T extends string> {
  /** The group's id; the first radio button gets it too, so the error summary can focus it. */
  id: string;
  /** The radio buttons' name (default: the id). */
  name?: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: { value: T; label: string; hint?: string }[];
  value: T | null;
  onChange: (value: T) => void;
  /** Rendered under the chosen option (dkfds "collapse" content). */
  detail?: (value: T) => ReactNode;
  inline?: boolean;
}

export function RadioGroup<T extends string>({
  id,
  name = id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  detail,
  inline = false,
}: RadioGroupProps<T>) {
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        {hint && (
          <span className="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        <ErrorMessage id={`${id}-error`} error={error} />
        <ul className={inline ? 'nobullet-list inquiry-inline-options' : 'nobullet-list'}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <li key={option.value} className="form-group-radio">
                <input
                  id={optionId}
                  type="radio"
                  className="form-radio"
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  onChange={() => onChange(option.value)}
                />
                <label className="form-label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <span className="form-hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                )}
                {value === option.value && detail && (
                  <div className="inquiry-option-detail">{detail(option.value)}</div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}

interface CheckboxProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'className' | 'onChange' | 'checked'
> {
  id: string;
  label: ReactNode;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}

/** One dkfds checkbox; `children` are shown under it while it is checked. */
export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
  children,
  ...input
}: CheckboxProps) {
  return (
    <div className="form-group-checkbox">
      <input
        id={id}
        type="checkbox"
        className="form-checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
        {...input}
      />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {checked && children && <div className="inquiry-option-detail">{children}</div>}
    </div>
  );
}

export { SuccessMessage } from './SuccessMessage';
