import { useTranslation } from 'react-i18next';
import { Select } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { useCaseInterventions } from '../case-interventions/interventionsApi';
import { usePartners } from '../sharing/partnersApi';

/**
 * A disclosure on the consent basis (docs/CONSENT.md): the partner organisation that received it
 * (one of the municipality's) and the case's consent that covers it. The server refuses it when
 * no valid consent covers the recipient, the categories and a single disclosure on the day; only
 * consents the reader may see (the consents part of the case) are offered.
 */
export function ConsentFields({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const partners = usePartners({ kind: '', status: 'active', q: '' });
  const consents = useCaseInterventions(detail.id);
  const usable = detail.abilities.consents.read
    ? (consents.data?.consents ?? []).filter((c) => c.status !== 'withdrawn')
    : [];
  return (
    <>
      <Select
        name="recipientOrganisationId"
        label={t('disclosures.form.recipientOrganisationId')}
        hint={t('disclosures.form.optional')}
        empty="undefined"
        choose={t('disclosures.form.choose')}
      >
        <option value="">{t('disclosures.form.none')}</option>
        {(partners.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Select
        name="consentId"
        label={t('disclosures.form.consentId')}
        hint={t('disclosures.form.consentIdHint')}
        empty="undefined"
        choose={t('disclosures.form.choose')}
      >
        <option value="">{t('disclosures.form.none')}</option>
        {usable.map((c) => (
          <option key={c.id} value={c.id}>
            {`${c.person.name}: ${c.purpose.slice(0, 60)}`}
          </option>
        ))}
      </Select>
    </>
  );
}
