import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useController } from 'react-hook-form';
import { describedBy, FormGroup } from './FormGroup';
import { useFieldId } from './FormContext';

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
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  const error = fieldState.error?.message;
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error}>
      <input
        id={fieldId}
        name={field.name}
        ref={ref}
        className={widthClass ? `form-input ${widthClass}` : 'form-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        value={toText(field.value)}
        onChange={(e) => field.onChange(toFormValue(e.target.value, { empty, asNumber }))}
        onBlur={(e) => {
          field.onBlur();
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

export function TextArea({ name, label, hint, id, empty, widthClass, ...textarea }: TextAreaProps) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  const error = fieldState.error?.message;
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        name={field.name}
        ref={ref}
        className={`form-input ${widthClass ?? 'input-width-xl'}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        value={toText(field.value)}
        onChange={(e) => field.onChange(toFormValue(e.target.value, { empty }))}
        onBlur={field.onBlur}
        {...textarea}
      />
    </FormGroup>
  );
}

export interface SelectProps
  extends FieldProps, TextConversion, NativeProps<SelectHTMLAttributes<HTMLSelectElement>> {
  /** The `<option>`s; an option with value '' stands for "nothing chosen" (`empty`). */
  children: ReactNode;
}

export function Select({
  name,
  label,
  hint,
  id,
  empty,
  asNumber,
  children,
  ...select
}: SelectProps) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  const error = fieldState.error?.message;
  return (
    <FormGroup id={fieldId} label={label} hint={hint} error={error}>
      <select
        id={fieldId}
        name={field.name}
        ref={ref}
        className="form-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        value={toText(field.value)}
        onChange={(e) => field.onChange(toFormValue(e.target.value, { empty, asNumber }))}
        onBlur={field.onBlur}
        {...select}
      >
        {children}
      </select>
    </FormGroup>
  );
}
