import { booleanValid } from '@turf/boolean-valid';
import { booleanWithin } from '@turf/boolean-within';
import { kinks } from '@turf/kinks';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { z } from 'zod';

/**
 * Shapes on the housing-area map (issue 16): GeoJSON geometries in WGS84 (RFC 7946: longitude,
 * latitude), validated alike in the server and the web, and containment checked with turf — the
 * same on both database engines, because the database only stores the JSON.
 *
 * Coordinates must lie in and around Denmark (a mistyped or swapped pair is refused, not drawn in
 * the sea off Africa), a ring is closed and a shape has at most MAX_VERTICES corners.
 */
export const MAX_VERTICES = 2000;

/** Denmark with a margin (Bornholm, Skagen, the border): longitude 7–16, latitude 54–58. */
export const DENMARK_BOUNDS = { west: 7, east: 16, south: 54, north: 58 } as const;

const PositionSchema = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(
    ([lon, lat]) =>
      lon >= DENMARK_BOUNDS.west &&
      lon <= DENMARK_BOUNDS.east &&
      lat >= DENMARK_BOUNDS.south &&
      lat <= DENMARK_BOUNDS.north,
    { message: 'geometry_outside_denmark' },
  );

const RingSchema = z
  .array(PositionSchema)
  .min(4, { message: 'geometry_ring_too_short' })
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), {
    message: 'geometry_ring_not_closed',
  });

export const PointSchema = z.object({ type: z.literal('Point'), coordinates: PositionSchema });
export const PolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(RingSchema).min(1).max(50),
});
export const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(RingSchema).min(1).max(50)).min(1).max(50),
});

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}

function vertexCount(geometry: AreaGeometry | PlaceGeometry): number {
  if (geometry.type === 'Point') return 1;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().reduce((sum, ring) => sum + ring.length, 0);
}

/** A shape that is valid GeoJSON, has no self-crossing ring and is not too large to draw. */
function wellFormed(geometry: AreaGeometry | PlaceGeometry): boolean {
  if (vertexCount(geometry) > MAX_VERTICES || !booleanValid(geometry)) return false;
  return geometry.type === 'Point' || kinks(geometry).features.length === 0;
}

/** An area or a zone: a polygon or several. */
export const AreaGeometrySchema = z
  .discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema])
  .refine(wellFormed, { message: 'geometry_invalid' });
export type AreaGeometry = Polygon | MultiPolygon;

/** A specific place: a point (a kiosk) or a small polygon (a square, a basement's building). */
export const PlaceGeometrySchema = z
  .discriminatedUnion('type', [PointSchema, PolygonSchema])
  .refine(wellFormed, { message: 'geometry_invalid' });
export type PlaceGeometry = Point | Polygon;

/**
 * Whether `inner` lies inside `outer` (a zone inside its area, a place inside its zone or area).
 * A point on the outer edge counts as outside, as turf's `booleanWithin` has it for polygons;
 * a MultiPolygon is inside when each of its polygons is inside.
 */
export function liesWithin(inner: AreaGeometry | PlaceGeometry, outer: AreaGeometry): boolean {
  if (inner.type === 'MultiPolygon') {
    return inner.coordinates.every((coordinates) =>
      liesWithin({ type: 'Polygon', coordinates }, outer),
    );
  }
  if (outer.type === 'MultiPolygon') {
    return outer.coordinates.some((coordinates) =>
      booleanWithin(inner, { type: 'Polygon', coordinates }),
    );
  }
  return booleanWithin(inner, outer);
}
