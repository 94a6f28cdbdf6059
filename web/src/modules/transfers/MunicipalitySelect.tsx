import { useTranslation } from 'react-i18next';
import { Select } from '../../ui/form';
import { useMunicipalities } from './transfersApi';

/**
 * The receiving municipality, chosen from those the product knows, the caller's own left out
 * (the server refuses it too, in Danish, on the field).
 */
export function MunicipalitySelect({ own }: { own: string | null }) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  return (
    <Select name="toMunicipalityCode" label={t('transfers.municipality')}>
      <option value="">{t('transfers.chooseMunicipality')}</option>
      {(municipalities.data?.items ?? [])
        .filter((m) => m.code !== own)
        .map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
    </Select>
  );
}
