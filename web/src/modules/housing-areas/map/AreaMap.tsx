import type { Geometry } from 'geojson';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyBoundary } from './LazyBoundary';
import { MapLegend } from './MapLegend';
import { PlacesTable } from './PlacesTable';
import './areaMap.css';

/**
 * The map of a housing area (issue 16 part 1) with the accessible list of the same places. The
 * list (a table) is always there and is what screen-reader and keyboard users use; the map beside
 * it is a picture of that list, loaded lazily (Leaflet never weighs on the main chunk). Without a
 * configured tile server the map draws on a plain background and the browser asks no other
 * server (docs/housing-areas/map.md).
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

const MapCanvas = lazy(() => import('./MapCanvas'));

export function AreaMap({ label, outline, features, selectedId, onSelect }: AreaMapProps) {
  const { t } = useTranslation();
  const tableId = useId();
  const caption = t('areaMap.tableCaption', { label });
  return (
    <div className="area-map">
      <div className="area-map__picture">
        <LazyBoundary fallback={<p className="area-map__note">{t('areaMap.unavailable')}</p>}>
          <Suspense fallback={<p className="area-map__note">{t('areaMap.loading')}</p>}>
            <MapCanvas
              label={t('areaMap.mapLabel', { label, table: caption })}
              outline={outline}
              features={features}
              selectedId={selectedId ?? null}
              onSelect={onSelect}
            />
          </Suspense>
        </LazyBoundary>
        <MapLegend />
      </div>
      <PlacesTable
        id={tableId}
        caption={caption}
        features={features}
        selectedId={selectedId}
        onSelect={onSelect}
      />
    </div>
  );
}
