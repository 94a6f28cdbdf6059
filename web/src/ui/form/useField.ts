import { useController } from 'react-hook-form';
import { useFieldId } from './FormContext';
import { shownMessage, type Choice } from './messages';

/**
 * A field's binding to the form of `<Form>` by `name`: the controller's field and ref, the
 * element id (registered with the error summary under `label`) and the field's problem. A
 * `choice` field (a select, radio buttons) with nothing chosen says "Vælg <label>." (or its text).
 */
export function useField(name: string, label: string, id?: string, choice?: Choice) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id, choice);
  const problem = fieldState.error;
  const error = problem && shownMessage(problem, { label, choice });
  return { field, ref, fieldId, error: error || undefined };
}

export type BoundField = ReturnType<typeof useField>;

/** `aria-invalid` of a control: true while its field has a problem, else left out. */
export function ariaInvalid(error: string | undefined): true | undefined {
  return error ? true : undefined;
}
