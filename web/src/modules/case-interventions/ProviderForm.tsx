import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, SuccessMessage, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeStale, ProviderFields, useInterventionChange } from './formParts';
import type { CaseIntervention, CaseInterventions } from './interventionsApi';
import { ProviderFormSchema, providerValues } from './interventionValues';

/**
 * A new provider when staff change: another user (who becomes a member with the intervention
 * scope and is told) or an external name. The previous provider user no longer sees it.
 */
export function ProviderForm({
  detail,
  intervention,
  providers,
  headingId,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  providers: CaseInterventions['providers'];
  /** The intervention's heading, where focus goes after saving. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useZodForm(ProviderFormSchema, { defaultValues: providerValues(intervention) });
  const [done, setDone] = useState(false);
  const mutation = useInterventionChange(detail, intervention, headingId, () => setDone(true));
  return (
    <details className="case-provider-change">
      <summary>{t('caseInterventions.provider.open')}</summary>
      <Form
        form={form}
        onSubmit={(change) => {
          setDone(false);
          return mutation.mutateAsync(change);
        }}
        error={mutation.error}
        errorTitle={t('caseInterventions.provider.error')}
      >
        {done && <SuccessMessage>{t('caseInterventions.provider.done')}</SuccessMessage>}
        <ChangeStale mutation={mutation} />
        <p>{t('caseInterventions.provider.hint')}</p>
        <ProviderFields providers={providers} kinds={['user', 'external']} />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('caseInterventions.provider.submit')}
        </button>
      </Form>
    </details>
  );
}
