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
