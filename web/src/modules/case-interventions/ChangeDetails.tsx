import { useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Form, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeStale, useInterventionChange, type InterventionChange } from './formParts';
import type { CaseIntervention } from './interventionsApi';

/**
 * A change to an intervention folded away under its summary (_Skift udfører_, _Skift
 * deltagere_): saved against the version shown, with the stale notice, the error and a success
 * message; focus goes to the intervention's heading after saving.
 */
export function ChangeDetails<V extends FieldValues>({
  detail,
  intervention,
  headingId,
  form,
  texts,
  children,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  headingId: string;
  form: UseFormReturn<V, unknown, InterventionChange>;
  texts: { open: string; error: string; done: string; submit: string };
  children: ReactNode;
}) {
  const [done, setDone] = useState(false);
  const mutation = useInterventionChange(detail, intervention, headingId, () => setDone(true));
  return (
    <details className="case-provider-change">
      <summary>{texts.open}</summary>
      <Form
        form={form}
        onSubmit={(change) => {
          setDone(false);
          return mutation.mutateAsync(change);
        }}
        error={mutation.error}
        errorTitle={texts.error}
      >
        {done && <SuccessMessage>{texts.done}</SuccessMessage>}
        <ChangeStale mutation={mutation} />
        {children}
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {texts.submit}
        </button>
      </Form>
    </details>
  );
}
