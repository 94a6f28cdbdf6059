import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { useFieldId } from './FormContext';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup';
import type { FieldProps } from './inputs';

/**
 * Checkboxes and radio buttons bound to the form of `<Form>` by `name`, in dkfds markup:
 * `form-group-checkbox` / `form-group-radio` around an `input.form-checkbox` / `input.form-radio`
 * followed by its `label.form-label` (the label draws the box, so it must come right after).
 */

export interface Option<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

interface CheckboxProps extends Omit<FieldProps, 'label'> {
  label: string;
  /** A question above the box (a fieldset with this legend), e.g. for a yes/no setting. */
  legend?: string;
  disabled?: boolean;
  /** Shown under the box while it is checked (dkfds `checkbox-content`). */
  children?: ReactNode;
  /** An extra class on the field's `form-group`, e.g. for its place in a row of filters. */
  className?: string;
}

/** One checkbox for a boolean value. */
export function Checkbox({
  name,
  label,
  legend,
  hint,
  id,
  disabled,
  children,
  className,
}: CheckboxProps) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, legend ?? label, id);
  const error = fieldState.error?.message;
  const checked = field.value === true;
  const box = (
    <div className="form-group-checkbox">
      <input
        id={fieldId}
        name={field.name}
        ref={ref}
        type="checkbox"
        className="form-checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={legend ? undefined : describedBy(fieldId, hint, error)}
        onChange={(e) => field.onChange(e.target.checked)}
        onBlur={field.onBlur}
      />
      <label className="form-label" htmlFor={fieldId}>
        {label}
      </label>
      {!legend && <Hint id={`${fieldId}-hint`} hint={hint} />}
      {checked && children && <div className="checkbox-content">{children}</div>}
    </div>
  );
  if (legend) {
    return (
      <FormGroup
        id={fieldId}
        label={legend}
        hint={hint}
        error={error}
        fieldset
        className={className}
      >
        {box}
      </FormGroup>
    );
  }
  return (
    <div className={['form-group', error && 'form-error', className].filter(Boolean).join(' ')}>
      <ErrorMessage id={`${fieldId}-error`} error={error} />
      {box}
    </div>
  );
}

interface GroupProps<T extends string> extends FieldProps {
  options: Option<T>[];
  /** Said instead of the boxes when there is nothing to choose from. */
  empty?: ReactNode;
  className?: string;
}

/** Checkboxes for a list of values (an array in the form); the first box gets the field's id. */
export function CheckboxGroup<T extends string>({
  name,
  label,
  hint,
  id,
  options,
  empty,
  className,
}: GroupProps<T>) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  const error = fieldState.error?.message;
  const selected: T[] = Array.isArray(field.value) ? (field.value as T[]) : [];
  const toggle = (value: T, on: boolean) =>
    field.onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error} fieldset>
      {options.length === 0 && empty && <p>{empty}</p>}
      <ul className={['nobullet-list', className].filter(Boolean).join(' ')}>
        {options.map((option, index) => {
          const optionId = index === 0 ? fieldId : `${fieldId}-${option.value}`;
          return (
            <li key={option.value} className="form-group-checkbox">
              <input
                id={optionId}
                ref={index === 0 ? ref : undefined}
                type="checkbox"
                className="form-checkbox"
                name={field.name}
                value={option.value}
                checked={selected.includes(option.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                onChange={(e) => toggle(option.value, e.target.checked)}
                onBlur={field.onBlur}
              />
              <label className="form-label" htmlFor={optionId}>
                {option.label}
              </label>
              <Hint id={`${optionId}-hint`} hint={option.hint} />
            </li>
          );
        })}
      </ul>
    </FormGroup>
  );
}

interface RadioGroupProps<T extends string> extends GroupProps<T> {
  /** Shown under the chosen option (dkfds `radio-content`). */
  detail?: (value: T) => ReactNode;
}

/** Radio buttons for one value, in a fieldset with the label as legend. */
export function RadioGroup<T extends string>({
  name,
  label,
  hint,
  id,
  options,
  empty,
  className,
  detail,
}: RadioGroupProps<T>) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  const error = fieldState.error?.message;
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error} fieldset>
      {options.length === 0 && empty && <p>{empty}</p>}
      <ul className={['nobullet-list', className].filter(Boolean).join(' ')}>
        {options.map((option, index) => {
          const optionId = index === 0 ? fieldId : `${fieldId}-${option.value}`;
          const checked = field.value === option.value;
          return (
            <li key={option.value} className="form-group-radio">
              <input
                id={optionId}
                ref={index === 0 ? ref : undefined}
                type="radio"
                className="form-radio"
                name={field.name}
                value={option.value}
                checked={checked}
                aria-invalid={error ? true : undefined}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                onChange={() => field.onChange(option.value)}
                onBlur={field.onBlur}
              />
              <label className="form-label" htmlFor={optionId}>
                {option.label}
              </label>
              <Hint id={`${optionId}-hint`} hint={option.hint} />
              {checked && detail && <div className="radio-content">{detail(option.value)}</div>}
            </li>
          );
        })}
      </ul>
    </FormGroup>
  );
}
