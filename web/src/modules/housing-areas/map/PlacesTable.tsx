import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../ui/Table';
import type { MapFeature } from './AreaMap';
import { placeRows } from './placesList';
import { kindWord, positionText } from './words';

/**
 * The accessible list of the map (issue 16 part 1): what screen-reader and keyboard users use. The
 * map is a picture of this table; each row's button selects the place on the map too.
 */
export function PlacesTable({
  id,
  caption,
  features,
  selectedId,
  onSelect,
}: {
  id: string;
  caption: string;
  features: MapFeature[];
  selectedId?: string | null | undefined;
  onSelect?: ((id: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const rows = placeRows(features);
  return (
    <ScrollTable label={caption}>
      <table className="table table--compact area-map__table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('areaMap.columns.level')}</th>
            <th scope="col">{t('areaMap.columns.kind')}</th>
            <th scope="col">{t('areaMap.columns.name')}</th>
            <th scope="col">{t('areaMap.columns.zone')}</th>
            <th scope="col">{t('areaMap.columns.position')}</th>
            {onSelect && <th scope="col">{t('areaMap.columns.show')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={onSelect ? 6 : 5}>{t('areaMap.noPlaces')}</td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} aria-current={row.id === selectedId ? 'true' : undefined}>
              <td>{t(`areaMap.levels.${row.level}`)}</td>
              <td>{kindWord(t, row.kind)}</td>
              <th scope="row">{row.name}</th>
              <td>{row.zone ?? t('areaMap.noZone')}</td>
              <td>{positionText(t, i18n.language, row.position)}</td>
              {onSelect && (
                <td>
                  {row.id === selectedId ? (
                    <strong>{t('areaMap.selected')}</strong>
                  ) : (
                    <button
                      type="button"
                      className="button button-unstyled"
                      onClick={() => onSelect(row.id)}
                    >
                      {t('areaMap.select', { name: row.name })}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
