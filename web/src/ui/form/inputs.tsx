import type {
  ChangeEvent,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { CharacterCount } from './CharacterCount';
import { describedBy, FormGroup } from './FormGroup';
import { ariaInvalid, useField, type BoundField } from './useField';

/**
 * Text fields bound to the form of `<Form>` by `name` (a path of the form's values, e.g.
 * `goals.0.text`), in dkfds markup with label, hint and the field's problem.
 */

/** What the form holds while the field is empty: '' by default, or null or undefined. */
export type Empty = 'null' | 'undefined';

export function emptyValue(empty: Empty | undefined): '' | null | undefined {
  return empty === 'null' ? null : empty === 'undefined' ? undefined : '';
}

export interface FieldProps {
  /** The value's path in the form, e.g. `email` or `goals.0.text`. */
  name: string;
  label: string;
  hint?: ReactNode;
  /** The element id; default the form's id prefix and the name (`user-email`). */
  id?: string;
}

interface TextConversion {
  /** What the form holds while the field is empty: '' by default; `null` or `undefined` for optional values. */
  empty?: Empty;
  /** The form holds a number (the text while it is not one, so the schema names the problem). */
  asNumber?: boolean;
}

function toFormValue(raw: string, { empty, asNumber }: TextConversion): unknown {
  if (raw === '' || (asNumber && raw.trim() === '')) return emptyValue(empty);
  if (asNumber) {
    const number = Number(raw.trim().replace(',', '.'));
    return Number.isFinite(number) ? number : raw;
  }
  return raw;
}

function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

type NativeProps<E> = Omit<
  E,
  | 'id'
  | 'name'
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'className'
  | 'aria-invalid'
  | 'aria-describedby'
>;

/**
 * The attributes every text control (input, textarea, select) of a bound field has, in the order
 * they are drawn: its id, name and ref, the dkfds class, the aria state, the value and the events.
 */
function textControl(
  { field, ref, fieldId, error }: BoundField,
  className: string,
  hint: ReactNode,
  conversion: TextConversion,
) {
  return {
    id: fieldId,
    name: field.name,
    ref,
    className,
    'aria-invalid': ariaInvalid(error),
    'aria-describedby': describedBy(fieldId, hint, error),
    value: toText(field.value),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      field.onChange(toFormValue(e.target.value, conversion)),
    onBlur: field.onBlur,
  };
}

export interface TextInputProps
  extends FieldProps, TextConversion, NativeProps<InputHTMLAttributes<HTMLInputElement>> {
  /** dkfds width class, e.g. `input-width-m` or `input-char-8`. */
  widthClass?: string;
}

export function TextInput({
  name,
  label,
  hint,
  id,
  empty,
  asNumber,
  widthClass,
  onBlur,
  ...input
}: TextInputProps) {
  const bound = useField(name, label, id);
  const className = widthClass ? `form-input ${widthClass}` : 'form-input';
  return (
    <FormGroup id={bound.fieldId} label={label} hint={hint} error={bound.error}>
      <input
        {...textControl(bound, className, hint, { empty, asNumber })}
        onBlur={(e) => {
          bound.field.onBlur();
          onBlur?.(e);
        }}
        {...input}
      />
    </FormGroup>
  );
}

export interface TextAreaProps
  extends FieldProps, NativeProps<TextareaHTMLAttributes<HTMLTextAreaElement>> {
  empty?: Empty;
  widthClass?: string;
}

/**
 * A text area; with `maxLength` it counts the characters under the field and says clearly when
 * the text is too long, instead of the browser cutting it silently (./CharacterCount).
 */
export function TextArea({
  name,
  label,
  hint,
  id,
  empty,
  widthClass,
  maxLength,
  ...textarea
}: TextAreaProps) {
  const bound = useField(name, label, id);
  const className = `form-input ${widthClass ?? 'input-width-xl'}`;
  const control = textControl(bound, className, hint, { empty });
  const countId = `${bound.fieldId}-count`;
  return (
    <FormGroup id={bound.fieldId} label={label} hint={hint} error={bound.error}>
      <textarea
        {...control}
        aria-describedby={
          maxLength === undefined
            ? control['aria-describedby']
            : [control['aria-describedby'], countId].filter(Boolean).join(' ')
        }
        {...textarea}
      />
      {maxLength !== undefined && (
        <CharacterCount id={countId} length={control.value.length} max={maxLength} />
      )}
    </FormGroup>
  );
}

export interface SelectProps
  extends FieldProps, TextConversion, NativeProps<SelectHTMLAttributes<HTMLSelectElement>> {
  /** The `<option>`s; an option with value '' stands for "nothing chosen" (`empty`). */
  children: ReactNode;
  /** Said when nothing is chosen, instead of "Vælg <label>." (for a label that is not a noun). */
  choose?: string;
}

export function Select({
  name,
  label,
  hint,
  id,
  empty,
  asNumber,
  children,
  choose,
  ...select
}: SelectProps) {
  const bound = useField(name, label, id, choose ?? true);
  return (
    <FormGroup id={bound.fieldId} label={label} hint={hint} error={bound.error}>
      <select {...textControl(bound, 'form-select', hint, { empty, asNumber })} {...select}>
        {children}
      </select>
    </FormGroup>
  );
}
