import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDate } from './dates';
import { describedBy, FormGroup } from './FormGroup';
import { emptyValue, type Empty, type FieldProps } from './inputs';
import { ariaInvalid, useField } from './useField';

interface DateInputProps extends Omit<FieldProps, 'hint'> {
  /** A hint of its own; the format `dd.mm.åååå` is always said. */
  hint?: string;
  /** What the form holds while the field is empty: '' by default, or null or undefined. */
  empty?: Empty;
  disabled?: boolean;
  required?: boolean;
  autoComplete?: string;
}

/**
 * The one date field of the app: the user sees and types `dd.mm.åååå` (also `d.m.åååå` and
 * `dd-mm-åååå`); the form holds the ISO date `yyyy-mm-dd` that the server's schema expects.
 * While the text is not a date that exists (31.02.2026), the form holds the text itself, so the
 * schema's date check (`DateOnly`) names the problem. Never `<input type="date">`: the browser's
 * own picker shows mm/dd/yyyy in some setups.
 */
export function DateInput({
  name,
  label,
  hint,
  id,
  empty,
  disabled,
  required,
  autoComplete = 'off',
}: DateInputProps) {
  const { t } = useTranslation();
  const { field, ref, fieldId, error } = useField(name, label, id);
  // What the user typed, as long as the form still holds what it became (a reset shows the new value).
  const [typed, setTyped] = useState<{ text: string; value: unknown } | null>(null);
  const text = typed && typed.value === field.value ? typed.text : formatDate(asText(field.value));
  const fullHint = hint ? `${hint} ${t('form.dateHint')}` : t('form.dateHint');

  const change = (next: string) => {
    const value = next.trim() === '' ? emptyValue(empty) : (parseDate(next) ?? next);
    setTyped({ text: next, value });
    field.onChange(value);
  };

  return (
    <FormGroup id={fieldId} label={label} hint={fullHint} error={error}>
      <input
        id={fieldId}
        name={field.name}
        ref={ref}
        type="text"
        inputMode="numeric"
        className="form-input input-char-11"
        autoComplete={autoComplete}
        disabled={disabled}
        required={required}
        aria-invalid={ariaInvalid(error)}
        aria-describedby={describedBy(fieldId, fullHint, error)}
        value={text}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          // Tidy a valid date into the one format (1.2.2026 → 01.02.2026).
          const iso = parseDate(text);
          if (iso) setTyped({ text: formatDate(iso), value: iso });
          field.onBlur();
        }}
      />
    </FormGroup>
  );
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
