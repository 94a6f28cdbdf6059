import type { ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { ErrorMessage, useFieldId } from '../../ui/form';

/**
 * The problem of a whole list in a form (`goals`: "every goal needs a status"), said at the top
 * of the list's fieldset and linked from the error summary to the list's first field.
 */
export function GroupError({
  name,
  label,
  firstId,
}: {
  name: string;
  label: string;
  firstId: string;
}) {
  const id = useFieldId(name, label, firstId);
  const { errors } = useFormState({ name });
  const message = (errors[name] as { message?: unknown } | undefined)?.message;
  return (
    <ErrorMessage
      id={`${id}-group-error`}
      error={typeof message === 'string' ? message : undefined}
    />
  );
}

/**
 * A list of the form in its own fieldset (the proposal's goals, its open interventions): the
 * legend, the list's problem (GroupError), then a field per item, or `empty` when there is none.
 */
export function ListFieldset<T>({
  name,
  legend,
  firstId,
  items,
  empty,
  children,
}: {
  name: string;
  legend: string;
  /** The id of the first item's field, where the error summary links to. */
  firstId: string;
  items: readonly T[];
  empty: string;
  children: (item: T, index: number) => ReactNode;
}) {
  return (
    <fieldset className="form-group">
      <legend className="form-label">{legend}</legend>
      <GroupError name={name} label={legend} firstId={firstId} />
      {items.length === 0 ? <p>{empty}</p> : items.map(children)}
    </fieldset>
  );
}
