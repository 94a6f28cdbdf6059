import { useId } from 'react';

/**
 * A list's filter outside a form: a label and a select whose first choice, "all", is the empty
 * value. Told the value chosen ('' for all); the page keeps the value (state or the address).
 * Without `all`, the options are the only choices (a filter whose "all" is a value of its own).
 */
export function FilterSelect({
  label,
  value,
  all,
  options,
  onChange,
  className,
}: {
  label: string;
  /** The value chosen, '' for all. */
  value: string;
  /** The text of the first choice, e.g. "All statuses". */
  all?: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  /** The form group's own class next to dkfds's (`case-filter`). */
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className ? `form-group ${className}` : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {all !== undefined && <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
