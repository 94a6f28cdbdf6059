import { useTranslation } from 'react-i18next';
import type { Unit } from './useUnits';
import { ScrollTable } from '../../ui/Table';

/** The units of a municipality: each unit's own name next to its translated kind. */
export function UnitTable({
  units,
  municipalityName,
}: {
  units: Unit[];
  municipalityName: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('home.organisation.caption', { municipality: municipalityName })}>
      <table className="table table--compact unit-table">
        <caption className="sr-only">
          {t('home.organisation.caption', { municipality: municipalityName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('home.organisation.unitColumn')}</th>
            <th scope="col">{t('home.organisation.kindColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.name}</td>
              <td>{t(`unitKinds.${unit.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
