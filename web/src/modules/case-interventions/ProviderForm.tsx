import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeDetails } from './ChangeDetails';
import { ProviderFields } from './formParts';
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
  return (
    <ChangeDetails
      detail={detail}
      intervention={intervention}
      headingId={headingId}
      form={form}
      change="provider"
    >
      <p>{t('caseInterventions.provider.hint')}</p>
      <ProviderFields providers={providers} kinds={['user', 'external']} />
    </ChangeDetails>
  );
}
