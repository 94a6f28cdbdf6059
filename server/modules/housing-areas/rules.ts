import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  AreaGeometrySchema,
  PlaceGeometrySchema,
  liesWithin,
  type AreaGeometry,
  type PlaceGeometry,
} from '../../../shared/geo.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';

/**
 * The rules on what an area, a zone or a place holds, checked before anything is stored; every
 * problem is a field problem with a Danish message (locales/da.json `validation`):
 * - a shape is valid GeoJSON inside Denmark (shared/geo.ts): `geometry_outside_denmark` (also a
 *   swapped latitude and longitude), `geometry_ring_not_closed`, `geometry_invalid` (a ring
 *   crossing itself) …;
 * - a zone lies inside its area, a place inside its zone (or the area when it has none)
 *   (`area_zone_outside`, `area_place_outside`), and an area's or zone's new shape still holds
 *   what lies in it (`area_shape_loses_parts`, `area_zone_loses_places`);
 * - no CPR number (`area_text_cpr`) nor case or inquiry number (`area_text_record_reference`) in
 *   a text: areas are about places and roles, never citizens.
 */

const GEOMETRY_CODES = new Set([
  'geometry_outside_denmark',
  'geometry_ring_too_short',
  'geometry_ring_not_closed',
  'geometry_invalid',
]);

function geometryProblem(field: string, messages: string[]): FieldProblem {
  const code = messages.find((m) => GEOMETRY_CODES.has(m)) ?? 'geometry_invalid';
  return { field, code };
}

/** An area's or zone's shape (Polygon, MultiPolygon), or a 400 on `field`. */
export function areaGeometry(input: unknown, field = 'body.geometry'): AreaGeometry {
  const parsed = AreaGeometrySchema.safeParse(input);
  if (parsed.success) return parsed.data as AreaGeometry;
  throw new AppError('validation_failed', {
    fields: [
      geometryProblem(
        field,
        parsed.error.issues.map((i) => i.message),
      ),
    ],
  });
}

/** A place's shape (Point, Polygon), or a 400 on `field`. */
export function placeGeometry(input: unknown, field = 'body.geometry'): PlaceGeometry {
  const parsed = PlaceGeometrySchema.safeParse(input);
  if (parsed.success) return parsed.data as PlaceGeometry;
  throw new AppError('validation_failed', {
    fields: [
      geometryProblem(
        field,
        parsed.error.issues.map((i) => i.message),
      ),
    ],
  });
}

/**
 * Refuses a CPR number (`area_text_cpr`) or a case or inquiry number (`area_text_record_reference`,
 * e.g. "H-2026-0012") in any of the texts, all problems at once: partners read these texts.
 */
export function refusePersonalReferences(texts: Record<string, string | null | undefined>): void {
  const fields: FieldProblem[] = [];
  for (const [name, text] of Object.entries(texts)) {
    if (typeof text !== 'string') continue;
    const found = personalReferenceIn(text);
    if (found === null) continue;
    fields.push({
      field: `body.${name}`,
      code: found === 'cpr' ? 'area_text_cpr' : 'area_text_record_reference',
    });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

/** A 400 on `body.geometry` with `code` unless `ok`. */
export function requireShape(ok: boolean, code: string, field = 'body.geometry'): void {
  if (!ok) throw new AppError('validation_failed', { fields: [{ field, code }] });
}

export { liesWithin };
