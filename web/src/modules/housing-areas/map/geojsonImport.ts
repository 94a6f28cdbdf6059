import type { Geometry } from 'geojson';
import { checkShape, type ShapeKind, type ShapeResult } from './shapes';

/** A GeoJSON file larger than this is refused before it is read (a shape has ≤ 2000 corners). */
export const MAX_GEOJSON_BYTES = 1_000_000;

/**
 * Imported GeoJSON (a file or pasted text) as one shape: a Geometry, a Feature, or a
 * FeatureCollection with exactly one feature. A third coordinate (height) is dropped; the shape is
 * then checked by the server's rules (shapes.ts).
 */
export function importGeoJson(
  text: string,
  shape: ShapeKind,
  outline?: Geometry | null,
): ShapeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: { key: 'geojsonUnreadable' } };
  }
  const geometry = geometryOf(json);
  if (geometry === 'many') return { problem: { key: 'geojsonManyShapes' } };
  if (!geometry) return { problem: { key: 'geojsonNoShape' } };
  return checkShape(flat(geometry), shape, outline);
}

function geometryOf(json: unknown): Geometry | 'many' | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const object = json as { type?: unknown; geometry?: unknown; features?: unknown };
  if (object.type === 'Feature') return geometryOf(object.geometry);
  if (object.type === 'FeatureCollection') {
    if (!Array.isArray(object.features)) return undefined;
    if (object.features.length > 1) return 'many';
    return geometryOf(object.features[0]);
  }
  if (object.type === 'GeometryCollection') return 'many';
  if (typeof object.type === 'string' && 'coordinates' in object) return json as Geometry;
  return undefined;
}

/** Positions cut to longitude and latitude (GPS exports carry a height). */
function flat(geometry: Geometry): Geometry {
  const cut = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? value.slice(0, 2)
      : Array.isArray(value)
        ? value.map(cut)
        : value;
  return 'coordinates' in geometry
    ? ({ type: geometry.type, coordinates: cut(geometry.coordinates) } as Geometry)
    : geometry;
}
