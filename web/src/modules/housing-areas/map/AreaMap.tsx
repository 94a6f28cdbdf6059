import type { Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';

/**
 * The map of a housing area (issue 16 part 1) with the accessible list of the same places.
 * Foundation placeholder: draws the list only; the map slice draws the map (lazily loaded).
 */
export interface MapFeature {
  id: string;
  name: string;
  level: 'area' | 'zone' | 'place';
  kind: string;
  geometry: Geometry;
}

export interface AreaMapProps {
  /** The map's accessible name, e.g. the area's name. */
  label: string;
  /** The area's outline, always drawn. */
  outline: Geometry | null;
  features: MapFeature[];
  selectedId?: string | null;
  onSelect?: (id: string) => void;
}

export function AreaMap({ label, features }: AreaMapProps) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">{t('areaMap.placeholder.name')}</th>
          <th scope="col">{t('areaMap.placeholder.level')}</th>
        </tr>
      </thead>
      <tbody>
        {features.map((f) => (
          <tr key={f.id}>
            <td>{f.name}</td>
            <td>{f.level}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
