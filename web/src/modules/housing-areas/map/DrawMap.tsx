import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { Geometry } from 'geojson';
import type L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoJSON, MapContainer, ScaleControl, TileLayer, useMap } from 'react-leaflet';
import { DanishZoom } from './MapCanvas';
import { LEVEL_STYLES } from './leafletSetup';
import { boundsOf } from './mapSetup';
import { useBackground } from './MapCanvas';

/**
 * Drawing a shape with geoman (lazy chunk of the GeometryField): a polygon for an area or zone, a
 * marker or a polygon for a place, inside the area's outline drawn for orientation. What is drawn
 * goes to the field as GeoJSON and is checked there like a typed shape.
 */
const DENMARK: [[number, number], [number, number]] = [
  [54.5, 8],
  [57.8, 12.7],
];

export default function DrawMap({
  label,
  shape,
  outline,
  value,
  onDrawn,
}: {
  label: string;
  shape: 'area' | 'place';
  outline?: Geometry | null | undefined;
  value: Geometry | null;
  onDrawn: (geometry: Geometry) => void;
}) {
  const ready = useBackground();
  if (!ready) return null;
  const { background, crs } = ready;
  const bounds = boundsOf([outline, value]) ?? DENMARK;
  return (
    <MapContainer
      className="area-map__canvas area-map__draw"
      crs={crs}
      bounds={bounds}
      boundsOptions={{ padding: [16, 16] }}
      attributionControl={background.kind === 'tiles'}
      zoomControl={false}
    >
      <DanishZoom />
      {background.kind === 'tiles' && (
        <TileLayer url={background.url} attribution={background.attribution} />
      )}
      <ScaleControl imperial={false} />
      {outline && <GeoJSON data={outline} style={LEVEL_STYLES.area} interactive={false} />}
      {value && (
        <GeoJSON
          key={JSON.stringify(value)}
          data={value}
          style={LEVEL_STYLES[shape === 'area' ? 'zone' : 'place']}
          interactive={false}
        />
      )}
      <Drawing label={label} shape={shape} onDrawn={onDrawn} />
    </MapContainer>
  );
}

function Drawing({
  label,
  shape,
  onDrawn,
}: {
  label: string;
  shape: 'area' | 'place';
  onDrawn: (geometry: Geometry) => void;
}) {
  const map = useMap();
  const { t } = useTranslation();
  const controls = useMemo(
    () => ({
      polygon: t('areaMap.controls.drawPolygon'),
      marker: t('areaMap.controls.drawMarker'),
    }),
    [t],
  );
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', label);
    map.pm.setLang('da');
    map.pm.addControls({
      position: 'topleft',
      drawMarker: shape === 'place',
      drawPolygon: true,
      drawPolyline: false,
      drawRectangle: false,
      drawCircle: false,
      drawCircleMarker: false,
      drawText: false,
      editMode: false,
      dragMode: false,
      cutPolygon: false,
      removalMode: false,
      rotateMode: false,
    });
    const created = (event: { layer: L.Layer }) => {
      const layer = event.layer as L.Polygon | L.Marker;
      const geometry = layer.toGeoJSON().geometry as Geometry;
      layer.remove();
      onDrawn(geometry);
    };
    // geoman's buttons are links with an icon only: give them Danish names.
    const names: [string, string][] = [
      ['.leaflet-pm-icon-polygon', controls.polygon],
      ['.leaflet-pm-icon-marker', controls.marker],
    ];
    for (const [icon, name] of names) {
      const button = container.querySelector(icon)?.closest('.leaflet-buttons-control-button');
      button?.setAttribute('aria-label', name);
      button?.setAttribute('title', name);
    }
    map.on('pm:create', created);
    return () => {
      map.off('pm:create', created);
      map.pm.removeControls();
    };
  }, [map, label, shape, onDrawn, controls]);
  return null;
}
