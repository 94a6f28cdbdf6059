import type { Geometry } from 'geojson';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyBoundary } from './LazyBoundary';

/**
 * A form field for a shape (issue 16 part 1): coordinates typed, GeoJSON imported, or drawn on the
 * map. Typing works fully by keyboard without the map; whatever way the shape came, it shows in
 * the coordinates box (when it is one point or one ring) and in a small preview, and it is checked
 * by the server's own rules (shared/geo.ts) with the problem said in Danish under the field. The
 * field's body and its checks are loaded lazily (GeometryFieldView), the drawing map lazily again.
 */
export interface GeometryFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** `area`: a polygon or several (an area, a zone); `place`: a point or a polygon. */
  shape: 'area' | 'place';
  value: Geometry | null;
  onChange: (geometry: Geometry | null) => void;
  error?: string;
  /** The outline the shape must lie within, drawn for orientation. */
  outline?: Geometry | null;
}

const GeometryFieldView = lazy(() => import('./GeometryFieldView'));

export function GeometryField(props: GeometryFieldProps) {
  const { t } = useTranslation();
  const loading = <p>{t('areaMap.loading')}</p>;
  return (
    <LazyBoundary fallback={<p>{t('areaMap.problems.drawUnavailable')}</p>}>
      <Suspense fallback={loading}>
        <GeometryFieldView {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
