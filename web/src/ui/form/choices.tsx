import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup';
import type { FieldProps } from './inputs';
import { ariaInvalid, useField, type BoundField } from './useField';

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
  const { field, ref, fieldId, error } = useField(name, legend ?? label, id);
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
        aria-invalid={ariaInvalid(error)}
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

interface OptionListProps<T extends string> extends Omit<GroupProps<T>, 'name' | 'id'> {
  type: 'checkbox' | 'radio';
  bound: BoundField;
  isChecked: (value: T) => boolean;
  onChoose: (value: T, checked: boolean) => void;
  /** Shown under a checked option (dkfds `radio-content`). */
  detail?: (value: T) => ReactNode;
}

/**
 * The options of a group in a fieldset with the label as legend: dkfds `form-group-<type>` items
 * of an `input.form-<type>` followed by its label and hint; the first gets the field's id.
 */
function OptionList<T extends string>({
  type,
  bound: { field, ref, fieldId, error },
  label,
  hint,
  options,
  empty,
  className,
  isChecked,
  onChoose,
  detail,
}: OptionListProps<T>) {
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error} fieldset>
      {options.length === 0 && empty && <p>{empty}</p>}
      <ul className={['nobullet-list', className].filter(Boolean).join(' ')}>
        {options.map((option, index) => {
          const optionId = index === 0 ? fieldId : `${fieldId}-${option.value}`;
          const checked = isChecked(option.value);
          return (
            <li key={option.value} className={`form-group-${type}`}>
              <input
                id={optionId}
                ref={index === 0 ? ref : undefined}
                type={type}
                className={`form-${type}`}
                name={field.name}
                value={option.value}
                checked={checked}
                aria-invalid={ariaInvalid(error)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                onChange={(e) => onChoose(option.value, e.target.checked)}
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

/** Checkboxes for a list of values (an array in the form); the first box gets the field's id. */
export function CheckboxGroup<T extends string>({ name, id, ...group }: GroupProps<T>) {
  const bound = useField(name, group.label, id);
  const value: unknown = bound.field.value;
  const selected: T[] = Array.isArray(value) ? (value as T[]) : [];
  return (
    <OptionList
      {...group}
      type="checkbox"
      bound={bound}
      isChecked={(option) => selected.includes(option)}
      onChoose={(option, on) =>
        bound.field.onChange(on ? [...selected, option] : selected.filter((v) => v !== option))
      }
    />
  );
}

interface RadioGroupProps<T extends string> extends GroupProps<T> {
  /** Shown under the chosen option (dkfds `radio-content`). */
  detail?: (value: T) => ReactNode;
  /** Said when nothing is chosen, instead of "Vælg <label>." (for a label that is not a noun). */
  choose?: string;
}

/** Radio buttons for one value, in a fieldset with the label as legend. */
export function RadioGroup<T extends string>({ name, id, choose, ...group }: RadioGroupProps<T>) {
  const bound = useField(name, group.label, id, choose ?? true);
  return (
    <OptionList
      {...group}
      type="radio"
      bound={bound}
      isChecked={(option) => bound.field.value === option}
      onChoose={(option) => bound.field.onChange(option)}
    />
  );
}
