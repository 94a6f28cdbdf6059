import { useContext, useEffect } from 'react';
import { FormContext } from '../../ui/form';

export interface SummaryLabel {
  /** The field's path in the form (`goals.1.responsible`). */
  name: string;
  label: string;
  /** For a problem without a field of its own (`goals`): the element its link goes to. */
  id?: string;
}

/**
 * Names fields in the form's error summary by more than their label, "Mål 2 – Ansvarlig" where
 * every goal has a field "Ansvarlig". Used in the component that draws the fields: its effect
 * runs after theirs have registered them, and again whenever it draws them.
 */
export function useSummaryLabels(labels: readonly SummaryLabel[]): void {
  const context = useContext(FormContext);
  useEffect(() => {
    if (!context) return;
    for (const { name, label, id } of labels) {
      const field = context.fields.get(name);
      const target = id ?? field?.id;
      if (target) context.fields.set(name, { id: target, label });
    }
  });
}
