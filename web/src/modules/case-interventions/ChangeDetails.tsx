import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Form, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeStale, useInterventionChange, type InterventionChange } from './formParts';
import type { CaseIntervention } from './interventionsApi';

/**
 * A change to an intervention folded away under its summary (_Skift udfører_, _Skift
 * deltagere_): saved against the version shown, with the stale notice, the error and a success
 * message; focus goes to the intervention's heading after saving. Its words are the change's own
 * (`caseInterventions.<change>.open`, `.error`, `.done`, `.submit`).
 */
export function ChangeDetails<V extends FieldValues>({
  detail,
  intervention,
  headingId,
  form,
  change,
  children,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  headingId: string;
  form: UseFormReturn<V, unknown, InterventionChange>;
  change: 'provider' | 'participants';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const mutation = useInterventionChange(detail, intervention, headingId, () => setDone(true));
  return (
    <details className="details case-provider-change">
      <summary className="details-summary">{t(`caseInterventions.${change}.open`)}</summary>
      <div className="details-text">
        <Form
          form={form}
          onSubmit={(values) => {
            setDone(false);
            return mutation.mutateAsync(values);
          }}
          error={mutation.error}
          errorTitle={t(`caseInterventions.${change}.error`)}
        >
          {done && <SuccessMessage>{t(`caseInterventions.${change}.done`)}</SuccessMessage>}
          <ChangeStale mutation={mutation} />
          {children}
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t(`caseInterventions.${change}.submit`)}
          </button>
        </Form>
      </div>
    </details>
  );
}
