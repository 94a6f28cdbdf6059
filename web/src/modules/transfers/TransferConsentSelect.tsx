import { useTranslation } from 'react-i18next';
import { Select } from '../../ui/form';
import { useCaseInterventions } from '../case-interventions/interventionsApi';

/**
 * The consent picker of "Overfør sagen" on a basis that requires consent (docs/TRANSFERS.md):
 * the case's consents that are valid today and name a single disclosure to another municipality.
 * The server decides whether the one chosen covers what is copied; its message lands here.
 */
export function TransferConsentSelect({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const consents = useCaseInterventions(caseId);
  const fitting = (consents.data?.consents ?? []).filter(
    (c) =>
      c.status === 'valid' &&
      c.uses.includes('single_disclosure') &&
      c.organisationKinds.includes('other_municipality'),
  );
  return (
    <Select
      name="consentId"
      label={t('transfers.case.consent')}
      hint={t('transfers.case.consentHint')}
    >
      <option value="">
        {fitting.length === 0 ? t('transfers.case.noConsent') : t('transfers.case.chooseConsent')}
      </option>
      {fitting.map((c) => (
        <option key={c.id} value={c.id}>
          {c.givenOn}: {c.purpose}
        </option>
      ))}
    </Select>
  );
}
