import type { Geometry } from 'geojson';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyBoundary } from './LazyBoundary';

/**
 * The map of a housing area (issue 16 part 1) with the accessible list of the same places. The
 * list (a table) is always there and is what screen-reader and keyboard users use; the map beside
 * it is a picture of that list. Everything is loaded lazily: the list and its shape checks (turf)
 * in one chunk, Leaflet in another, so neither weighs on the main chunk. Without a
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

const AreaMapView = lazy(() => import('./AreaMapView'));

export function AreaMap(props: AreaMapProps) {
  const { t } = useTranslation();
  return (
    <LazyBoundary fallback={<p>{t('areaMap.unavailable')}</p>}>
      <Suspense fallback={<p>{t('areaMap.loading')}</p>}>
        <AreaMapView {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
