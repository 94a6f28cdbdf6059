import type { Geometry } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CircleMarker,
  GeoJSON,
  MapContainer,
  ScaleControl,
  TileLayer,
  Tooltip,
  useMap,
  ZoomControl,
} from 'react-leaflet';
import type { MapFeature } from './AreaMap';
import { crsFor, LEVEL_STYLES, SELECTED_STYLE } from './leafletSetup';
import { backgroundOf, boundsOf, type Background } from './mapSetup';
import { useMapTiles } from './useMapTiles';

/**
 * The drawn map (lazy chunk of AreaMap): outline, zones and places styled by level with their
 * names as labels, fitted to the area, with a metric scale. The container has an accessible name
 * that points to the table beside it; selecting a shape selects its row and the other way round.
 */
export interface MapCanvasProps {
  label: string;
  outline: Geometry | null;
  features: MapFeature[];
  selectedId: string | null;
  onSelect?: ((id: string) => void) | undefined;
}

/** Denmark, for a map with nothing to fit to. */
const DENMARK: [[number, number], [number, number]] = [
  [54.5, 8],
  [57.8, 12.7],
];

export function useBackground(): { background: Background; crs: L.CRS } | null {
  const tiles = useMapTiles();
  const [crs, setCrs] = useState<{ for: Background; crs: L.CRS } | null>(null);
  const background = useMemo(
    () => (tiles.isPending ? null : backgroundOf(tiles.data)),
    [tiles.isPending, tiles.data],
  );
  useEffect(() => {
    if (!background) return;
    let live = true;
    void crsFor(background).then((c) => live && setCrs({ for: background, crs: c }));
    return () => {
      live = false;
    };
  }, [background]);
  return background && crs?.for === background ? { background, crs: crs.crs } : null;
}

export default function MapCanvas({
  label,
  outline,
  features,
  selectedId,
  onSelect,
}: MapCanvasProps) {
  const { t } = useTranslation();
  const ready = useBackground();
  if (!ready) return <p className="area-map__note">{t('areaMap.loading')}</p>;
  const { background, crs } = ready;
  const bounds = boundsOf([outline, ...features.map((f) => f.geometry)]) ?? DENMARK;
  return (
    <MapContainer
      className="area-map__canvas"
      crs={crs}
      bounds={bounds}
      boundsOptions={{ padding: [16, 16] }}
      attributionControl={background.kind === 'tiles'}
      zoomControl={false}
      {...(background.kind === 'tiles' &&
        background.matrix && {
          minZoom: 0,
          maxZoom: background.matrix.resolutions.length - 1,
        })}
    >
      <Accessible
        label={label}
        plain={background.kind === 'plain' ? t('areaMap.plainBackground') : null}
      />
      {background.kind === 'tiles' && (
        <TileLayer url={background.url} attribution={background.attribution} />
      )}
      <DanishZoom />
      <ScaleControl imperial={false} />
      {outline && <GeoJSON data={outline} style={LEVEL_STYLES.area} interactive={false} />}
      {features.map((feature) => (
        <Shape
          key={`${feature.id}:${String(feature.id === selectedId)}`}
          feature={feature}
          selected={feature.id === selectedId}
          onSelect={onSelect}
        />
      ))}
      <FitSelected feature={features.find((f) => f.id === selectedId)} />
    </MapContainer>
  );
}

/** Leaflet's zoom buttons with Danish names. */
export function DanishZoom() {
  const { t } = useTranslation();
  return (
    <ZoomControl
      zoomInTitle={t('areaMap.controls.zoomIn')}
      zoomOutTitle={t('areaMap.controls.zoomOut')}
    />
  );
}

/** The container's name (Leaflet makes it focusable for keyboard panning). */
function Accessible({ label, plain }: { label: string; plain: string | null }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', plain ? `${label} ${plain}` : label);
  }, [map, label, plain]);
  return null;
}

function Shape({
  feature,
  selected,
  onSelect,
}: {
  feature: MapFeature;
  selected: boolean;
  onSelect?: ((id: string) => void) | undefined;
}) {
  const style = { ...LEVEL_STYLES[feature.level], ...(selected && SELECTED_STYLE) };
  const handlers = onSelect ? { click: () => onSelect(feature.id) } : {};
  const label = (
    <Tooltip permanent direction="top" className="area-map__label">
      {feature.name}
    </Tooltip>
  );
  if (feature.geometry.type === 'Point') {
    const [lon, lat] = feature.geometry.coordinates;
    return (
      <CircleMarker
        center={[lat ?? 0, lon ?? 0]}
        radius={selected ? 10 : 7}
        pathOptions={style}
        eventHandlers={handlers}
      >
        {label}
      </CircleMarker>
    );
  }
  return (
    <GeoJSON data={feature.geometry} style={style} eventHandlers={handlers}>
      {label}
    </GeoJSON>
  );
}

/** Moves the map to the selected shape (chosen in the table, say). */
function FitSelected({ feature }: { feature: MapFeature | undefined }) {
  const map = useMap();
  useEffect(() => {
    const bounds = feature && boundsOf([feature.geometry]);
    if (!bounds) return;
    map.fitBounds(L.latLngBounds(bounds), { padding: [32, 32], maxZoom: map.getZoom() + 1 });
  }, [map, feature]);
  return null;
}
