import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyBoundary } from './LazyBoundary';
import { MapLegend } from './MapLegend';
import { PlacesTable } from './PlacesTable';
import './areaMap.css';

import type { AreaMapProps } from './AreaMap';

const MapCanvas = lazy(() => import('./MapCanvas'));

/**
 * AreaMap's body (its own lazy chunk, with the turf checks it needs): the accessible list, the
 * legend and, loaded lazily again, the Leaflet map (docs/housing-areas/map.md).
 */
export default function AreaMapView({
  label,
  outline,
  features,
  selectedId,
  onSelect,
}: AreaMapProps) {
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
