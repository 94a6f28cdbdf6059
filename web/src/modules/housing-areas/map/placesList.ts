import { area as turfArea } from '@turf/area';
import type { Geometry, Position } from 'geojson';
import { liesWithin, type AreaGeometry, type PlaceGeometry } from '../../../../../shared/geo.ts';
import type { MapFeature } from './AreaMap';

/**
 * The accessible list of the map (issue 16 part 1): the same places as the map draws, as rows a
 * screen reader or keyboard user can read — level, kind, name, the zone a place lies in, and
 * where it is in words and numbers. Pure, so it is tested without a map.
 */
export interface PlaceRow {
  id: string;
  level: MapFeature['level'];
  kind: string;
  name: string;
  /** The name of the zone a place lies within, if any. */
  zone: string | null;
  position: PositionSummary;
}

export type PositionSummary =
  | { kind: 'point'; lat: string; lon: string }
  | { kind: 'polygon'; lat: string; lon: string; hectares: number; corners: number }
  | { kind: 'none' };

const LEVEL_ORDER: Record<MapFeature['level'], number> = { area: 0, zone: 1, place: 2 };

export function placeRows(features: MapFeature[]): PlaceRow[] {
  const zones = features.filter((f) => f.level === 'zone');
  return [...features]
    .sort(
      (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'da'),
    )
    .map((feature) => ({
      id: feature.id,
      level: feature.level,
      kind: feature.kind,
      name: feature.name,
      zone: feature.level === 'place' ? zoneOf(feature, zones) : null,
      position: positionSummary(feature.geometry),
    }));
}

function zoneOf(place: MapFeature, zones: MapFeature[]): string | null {
  const inner = place.geometry;
  if (inner.type !== 'Point' && inner.type !== 'Polygon') return null;
  const zone = zones.find((z) => {
    const outer = z.geometry;
    if (outer.type !== 'Polygon' && outer.type !== 'MultiPolygon') return false;
    try {
      return liesWithin(inner as PlaceGeometry, outer as AreaGeometry);
    } catch {
      return false;
    }
  });
  return zone?.name ?? null;
}

const fixed = (n: number) => n.toFixed(5);

/** A point's position, or a polygon's middle (the mean of its corners) and its size. */
export function positionSummary(geometry: Geometry): PositionSummary {
  if (geometry.type === 'Point') {
    return {
      kind: 'point',
      lat: fixed(geometry.coordinates[1] ?? 0),
      lon: fixed(geometry.coordinates[0] ?? 0),
    };
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return { kind: 'none' };
  const rings =
    geometry.type === 'Polygon'
      ? [geometry.coordinates[0] ?? []]
      : geometry.coordinates.map((p) => p[0] ?? []);
  const corners: Position[] = rings.flatMap((ring) => ring.slice(0, -1));
  if (corners.length === 0) return { kind: 'none' };
  const mean = (i: 0 | 1) => corners.reduce((sum, p) => sum + (p[i] ?? 0), 0) / corners.length;
  return {
    kind: 'polygon',
    lat: fixed(mean(1)),
    lon: fixed(mean(0)),
    hectares: Math.round(turfArea(geometry) / 1_000) / 10,
    corners: corners.length,
  };
}
