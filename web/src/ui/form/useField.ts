import { useController } from 'react-hook-form';
import { useFieldId } from './FormContext';

/**
 * A field's binding to the form of `<Form>` by `name`: the controller's field and ref, the
 * element id (registered with the error summary under `label`) and the field's problem.
 */
export function useField(name: string, label: string, id?: string) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ name });
  const fieldId = useFieldId(name, label, id);
  return { field, ref, fieldId, error: fieldState.error?.message };
}

export type BoundField = ReturnType<typeof useField>;

/** `aria-invalid` of a control: true while its field has a problem, else left out. */
export function ariaInvalid(error: string | undefined): true | undefined {
  return error ? true : undefined;
}
