import { createContext, useContext, useEffect } from 'react';
import type { Choice } from './messages';

/**
 * What `<Form>` tells its fields: the prefix of their ids, and a register of each field's id and
 * label, which the error summary uses to link each problem to its field.
 */
export interface FormFieldInfo {
  id: string;
  label: string;
  /** The user picks from a list (a select, radio buttons): nothing picked says "Vælg …". */
  choice?: Choice;
}

export interface FormContextValue {
  idPrefix: string;
  fields: Map<string, FormFieldInfo>;
}

export const FormContext = createContext<FormContextValue | null>(null);

/** The element id of a field: given, or the form's prefix and the field's path (`goals-0-text`). */
export function fieldId(context: FormContextValue | null, name: string, id?: string): string {
  if (id) return id;
  const path = name.replace(/\./g, '-');
  return context ? `${context.idPrefix}-${path}` : path;
}

/** A field's id, registered with the form's error summary under the field's label. */
export function useFieldId(name: string, label: string, id?: string, choice?: Choice): string {
  const context = useContext(FormContext);
  const resolved = fieldId(context, name, id);
  useEffect(() => {
    if (!context) return;
    context.fields.set(name, { id: resolved, label, choice });
    return () => {
      if (context.fields.get(name)?.id === resolved) context.fields.delete(name);
    };
  }, [context, name, resolved, label, choice]);
  return resolved;
}
