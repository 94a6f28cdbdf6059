import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  AreaGeometrySchema,
  PlaceGeometrySchema,
  liesWithin,
  type AreaGeometry,
  type PlaceGeometry,
} from '../../../shared/geo.ts';
import { OUTLINE, PARTS } from '../../demo/housing-areas-areas.ts';

const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const AREA = square(12.5, 55.7, 12.52, 55.72);
const messages = (input: unknown) =>
  AreaGeometrySchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('shared/geo.ts: shapes on the housing-area map', () => {
  it('accepts a polygon and a multipolygon in Denmark', () => {
    expect(AreaGeometrySchema.safeParse(AREA).success).toBe(true);
    const multi = { type: 'MultiPolygon', coordinates: [AREA.coordinates] };
    expect(AreaGeometrySchema.safeParse(multi).success).toBe(true);
  });

  it('refuses swapped coordinates (latitude first) as outside Denmark', () => {
    const swapped = {
      type: 'Polygon',
      coordinates: [(AREA.coordinates[0] ?? []).map(([lon, lat]) => [lat, lon])],
    };
    expect(messages(swapped)).toContain('geometry_outside_denmark');
  });

  it('refuses an open ring, a too short ring and a self-crossing ring', () => {
    const ring = AREA.coordinates[0] ?? [];
    expect(messages({ type: 'Polygon', coordinates: [ring.slice(0, -1)] })).toContain(
      'geometry_ring_not_closed',
    );
    expect(messages({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })).toContain(
      'geometry_ring_too_short',
    );
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [12.5, 55.7],
          [12.52, 55.72],
          [12.52, 55.7],
          [12.5, 55.72],
          [12.5, 55.7],
        ],
      ],
    };
    expect(messages(bowtie)).toEqual(['geometry_invalid']);
  });

  it('takes a point or a polygon as a place, not a multipolygon', () => {
    expect(
      PlaceGeometrySchema.safeParse({ type: 'Point', coordinates: [12.51, 55.71] }).success,
    ).toBe(true);
    expect(
      PlaceGeometrySchema.safeParse({ type: 'MultiPolygon', coordinates: [AREA.coordinates] })
        .success,
    ).toBe(false);
  });

  it('tells whether a shape lies within another (a point on the edge is outside)', () => {
    expect(liesWithin(square(12.505, 55.705, 12.51, 55.71), AREA)).toBe(true);
    expect(liesWithin(square(12.515, 55.705, 12.53, 55.71), AREA)).toBe(false);
    expect(liesWithin({ type: 'Point', coordinates: [12.51, 55.71] }, AREA)).toBe(true);
    expect(liesWithin({ type: 'Point', coordinates: [12.5, 55.71] }, AREA)).toBe(false);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [AREA.coordinates, square(12.6, 55.7, 12.62, 55.72).coordinates],
    };
    expect(liesWithin({ type: 'Point', coordinates: [12.61, 55.71] }, multi)).toBe(true);
  });

  it("keeps the demo area Nørrevang's zones and places where the rules want them", () => {
    expect(AreaGeometrySchema.safeParse(OUTLINE).success).toBe(true);
    const zones = new Map(PARTS.filter((p) => p[1] === 'zone').map((p) => [p[0], p[6]]));
    for (const [, level, , zoneId, name, , shape] of PARTS) {
      const schema = level === 'zone' ? AreaGeometrySchema : PlaceGeometrySchema;
      expect(schema.safeParse(shape).success, name).toBe(true);
      const outer = (zoneId ? zones.get(zoneId) : OUTLINE) as AreaGeometry;
      expect(liesWithin(shape as PlaceGeometry, outer), name).toBe(true);
    }
  });
});
