import type { Geometry, Position } from 'geojson';
import {
  AreaGeometrySchema,
  DENMARK_BOUNDS,
  liesWithin,
  PlaceGeometrySchema,
  type AreaGeometry,
  type PlaceGeometry,
} from '../../../../../shared/geo.ts';

/**
 * Shapes typed, imported or drawn in the GeometryField (issue 16 part 1), checked in the browser
 * with the same GeoJSON rules the server uses (shared/geo.ts). Pure functions: no map, no DOM.
 *
 * A problem is an i18n key under `areaMap.problems` with its values (a line number), so the field
 * says in Danish what is wrong and where.
 */
export type ShapeKind = 'area' | 'place';
export interface ShapeProblem {
  key: string;
  values?: Record<string, number | string>;
}
export type ShapeResult =
  { geometry: Geometry; problem?: undefined } | { problem: ShapeProblem; geometry?: undefined };

const problem = (key: string, values?: ShapeProblem['values']): ShapeResult => ({
  problem: values ? { key, values } : { key },
});

const inRange = (n: number, low: number, high: number) => n >= low && n <= high;
const isLatitude = (n: number) => inRange(n, DENMARK_BOUNDS.south, DENMARK_BOUNDS.north);
const isLongitude = (n: number) => inRange(n, DENMARK_BOUNDS.west, DENMARK_BOUNDS.east);

/** "55.6761, 12.5683", "55.6761 12.5683", "55,6761; 12,5683" or "55,6761 12,5683". */
const DOT_PAIR = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/;
const COMMA_PAIR = /^(-?\d+(?:,\d+)?)\s*[;\s]\s*(-?\d+(?:,\d+)?)$/;

/**
 * One typed point as [longitude, latitude]. Within Denmark a latitude (54–58) can never be taken
 * for a longitude (7–16), so both orders are understood: "55.6761, 12.5683" as a map copies it
 * (latitude first) and "12.5683 55.6761" (GeoJSON's order). A pair that fits neither order is
 * refused rather than guessed.
 */
export function parsePoint(line: string, lineNumber: number): Position | ShapeProblem {
  const text = line
    .trim()
    .replace(/^\(|\)$/g, '')
    .replace(/\s+/g, ' ');
  const match = DOT_PAIR.exec(text) ?? COMMA_PAIR.exec(text);
  if (!match) return { key: 'lineUnreadable', values: { line: lineNumber } };
  const [a, b] = [match[1], match[2]].map((n) => Number((n ?? '').replace(',', '.'))) as [
    number,
    number,
  ];
  if (Math.abs(a) > 1000 && Math.abs(b) > 1000) {
    return { key: 'lineProjected', values: { line: lineNumber } };
  }
  if (isLatitude(a) && isLongitude(b)) return [b, a];
  if (isLongitude(a) && isLatitude(b)) return [a, b];
  return { key: 'lineOutsideDenmark', values: { line: lineNumber } };
}

/**
 * Typed coordinates, one point per line, as a shape: one point is a place; three or more are a
 * polygon (closed for the user: the first point need not be repeated). Blank lines are skipped.
 */
export function parseCoordinates(
  text: string,
  shape: ShapeKind,
  outline?: Geometry | null,
): ShapeResult {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '');
  if (lines.length === 0) return problem('empty');
  const positions: Position[] = [];
  for (const { line, number } of lines) {
    const point = parsePoint(line, number);
    if (!Array.isArray(point)) return { problem: point };
    positions.push(point);
  }
  if (positions.length === 1) {
    if (shape === 'area') return problem('areaNeedsPolygon');
    return checkShape({ type: 'Point', coordinates: positions[0] as Position }, shape, outline);
  }
  const ring = closed(positions);
  if (ring.length < 4) return problem('tooFewPoints');
  return checkShape({ type: 'Polygon', coordinates: [ring] }, shape, outline);
}

function closed(positions: Position[]): Position[] {
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) return positions;
  return first ? [...positions, first] : positions;
}

/** The schema problems of shared/geo.ts, as keys of `areaMap.problems`. */
const SCHEMA_PROBLEMS: Record<string, string> = {
  geometry_outside_denmark: 'outsideDenmark',
  geometry_ring_too_short: 'tooFewPoints',
  geometry_ring_not_closed: 'ringNotClosed',
  geometry_invalid: 'invalid',
};

/** Whether a shape is allowed for the field, by the server's own schema. */
export function checkShape(
  geometry: Geometry,
  shape: ShapeKind,
  outline?: Geometry | null,
): ShapeResult {
  const allowed = shape === 'area' ? ['Polygon', 'MultiPolygon'] : ['Point', 'Polygon'];
  if (!allowed.includes(geometry.type)) {
    return problem(shape === 'area' ? 'areaWrongType' : 'placeWrongType', { type: geometry.type });
  }
  const schema = shape === 'area' ? AreaGeometrySchema : PlaceGeometrySchema;
  const parsed = schema.safeParse(geometry);
  if (parsed.success) {
    if (outline && !within(parsed.data, outline)) return problem('outsideOutline');
    return { geometry: parsed.data as Geometry };
  }
  const message = parsed.error.issues[0]?.message ?? '';
  return problem(SCHEMA_PROBLEMS[message] ?? 'invalid');
}

/** Whether a shape lies within the outline given for orientation (the server checks it too). */
function within(inner: AreaGeometry | PlaceGeometry, outline: Geometry): boolean {
  if (outline.type !== 'Polygon' && outline.type !== 'MultiPolygon') return true;
  try {
    return liesWithin(inner, outline);
  } catch {
    return true;
  }
}

/** A shape as typed lines, latitude first ("55.6761, 12.5683"), when it is one point or ring. */
export function coordinatesText(geometry: Geometry | null): string | null {
  if (!geometry) return '';
  if (geometry.type === 'Point') return line(geometry.coordinates);
  if (geometry.type === 'Polygon' && geometry.coordinates.length === 1) {
    const ring = geometry.coordinates[0] ?? [];
    return ring.slice(0, -1).map(line).join('\n');
  }
  return null;
}

const line = (position: Position) => `${String(position[1])}, ${String(position[0])}`;
