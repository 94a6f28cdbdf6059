import type { ReactNode } from 'react';
import { TextInput } from './form';

/**
 * The search of a list page, inside its `<Form>`: the text field (bound by `name`), any further
 * criteria (`children`), the submit button and, while a search is shown (`onClear` given), the
 * button that clears it. One piece for the case overview, the inbox and Find person, so the three
 * look and behave alike; each keeps its own labels and its form's id (the field's id).
 */
export function SearchField({
  name,
  label,
  hint,
  submit,
  clear,
  onClear,
  pending = false,
  actionsClassName = 'search-field-actions',
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  submit: string;
  clear?: string;
  /** Clears the search shown; without it there is no clear button. */
  onClear?: (() => void) | undefined;
  pending?: boolean;
  actionsClassName?: string;
  children?: ReactNode;
}) {
  return (
    <>
      <TextInput
        name={name}
        label={label}
        hint={hint}
        widthClass="input-width-l"
        type="search"
        autoComplete="off"
      />
      {children}
      <div className={actionsClassName}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {submit}
        </button>
        {onClear && clear && (
          <button type="button" className="button button-secondary" onClick={onClear}>
            {clear}
          </button>
        )}
      </div>
    </>
  );
}
