import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../../ui/testRender';
import { importGeoJson } from './geojsonImport';
import { coordinatesText, parseCoordinates, type ShapeResult } from './shapes';
import { problemText } from './words';

/**
 * The GeometryField's parsing (issue 16 part 1): typed coordinates as the Danes copy them from a
 * map, GeoJSON imported, both checked by the server's rules, problems said in Danish.
 */
beforeAll(async () => {
  await importWithI18n(() => Promise.resolve());
});

const said = (result: ShapeResult) =>
  result.problem ? problemText(i18n.getFixedT('da'), result.problem) : 'ok';

const SQUARE = ['55.6761, 12.5683', '55.6771, 12.5683', '55.6771, 12.5703', '55.6761, 12.5703'];

describe('typed coordinates', () => {
  it('reads latitude, longitude as a map copies it, one point a line, and closes the ring', () => {
    const result = parseCoordinates(SQUARE.join('\n'), 'area');
    expect(result.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [12.5683, 55.6761],
          [12.5683, 55.6771],
          [12.5703, 55.6771],
          [12.5703, 55.6761],
          [12.5683, 55.6761],
        ],
      ],
    });
  });

  it('understands longitude first, decimal commas with a space or semicolon, and blank lines', () => {
    for (const line of [
      '12.5683 55.6761',
      '55,6761 12,5683',
      '55,6761; 12,5683',
      ' (55.6761,12.5683) ',
    ]) {
      expect(parseCoordinates(`\n${line}\n`, 'place').geometry, line).toEqual({
        type: 'Point',
        coordinates: [12.5683, 55.6761],
      });
    }
  });

  it('refuses what it cannot read, with the line, in Danish', () => {
    expect(said(parseCoordinates('55.6761, 12.5683\nNørrevang 3', 'place'))).toBe(
      'Linje 2 kan ikke læses. Skriv to tal pr. linje, fx 55.6761, 12.5683.',
    );
    expect(said(parseCoordinates('55,6761, 12,5683', 'place'))).toContain('Linje 1 kan ikke læses');
    expect(said(parseCoordinates('40.7128, -74.0060', 'place'))).toBe(
      'Linje 1 ligger ikke i Danmark. Skriv bredde (54–58) og længde (7–16), fx 55.6761, 12.5683.',
    );
    expect(said(parseCoordinates('724000 6176000', 'place'))).toContain('ligner UTM-koordinater');
    expect(said(parseCoordinates('   ', 'area'))).toBe(
      'Skriv koordinaterne, indlæs GeoJSON eller tegn formen.',
    );
  });

  it('wants a polygon for an area and at least three points for a shape', () => {
    expect(said(parseCoordinates('55.6761, 12.5683', 'area'))).toBe(
      'Et område skal have mindst tre punkter, ét pr. linje.',
    );
    expect(said(parseCoordinates(SQUARE.slice(0, 2).join('\n'), 'place'))).toBe(
      'En flade skal have mindst tre forskellige punkter.',
    );
  });

  it('refuses a ring whose edges cross, by the server’s rule', () => {
    const bowtie = [SQUARE[0], SQUARE[2], SQUARE[1], SQUARE[3]].join('\n');
    expect(said(parseCoordinates(bowtie, 'area'))).toContain('kanterne må ikke krydse hinanden');
  });

  it('writes a shape back as lines, latitude first', () => {
    const polygon = parseCoordinates(SQUARE.join('\n'), 'area').geometry ?? null;
    expect(coordinatesText(polygon)).toBe(SQUARE.map((l) => l.replace(', ', ', ')).join('\n'));
    expect(coordinatesText({ type: 'Point', coordinates: [12.5, 55.6] })).toBe('55.6, 12.5');
    expect(coordinatesText(null)).toBe('');
  });
});

const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5683, 55.6761, 4],
      [12.5683, 55.6771, 4],
      [12.5703, 55.6771, 5],
      [12.5683, 55.6761, 4],
    ],
  ],
};

describe('GeoJSON import', () => {
  it('takes a geometry, a feature or a collection of one, dropping heights', () => {
    const feature = { type: 'Feature', properties: { navn: 'Torvet' }, geometry: POLYGON };
    for (const json of [POLYGON, feature, { type: 'FeatureCollection', features: [feature] }]) {
      const result = importGeoJson(JSON.stringify(json), 'place');
      expect(result.geometry?.type).toBe('Polygon');
      expect(JSON.stringify(result.geometry)).not.toContain(',4]');
    }
  });

  it('refuses unreadable text, several shapes, the wrong kind and shapes outside Denmark', () => {
    expect(said(importGeoJson('{"type": "Polygon", ', 'area'))).toBe(
      'Teksten er ikke gyldig GeoJSON.',
    );
    expect(said(importGeoJson('{"type":"FeatureCollection","features":[]}', 'area'))).toBe(
      'GeoJSON-teksten indeholder ingen form.',
    );
    const two = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: POLYGON },
        { type: 'Feature', geometry: POLYGON },
      ],
    };
    expect(said(importGeoJson(JSON.stringify(two), 'area'))).toBe(
      'GeoJSON-teksten indeholder flere former. Indlæs én ad gangen.',
    );
    const point = { type: 'Point', coordinates: [12.5683, 55.6761] };
    expect(said(importGeoJson(JSON.stringify(point), 'area'))).toBe(
      'Et område skal være en eller flere flader (Polygon eller MultiPolygon), ikke Point.',
    );
    const line = {
      type: 'LineString',
      coordinates: [
        [12.5, 55.6],
        [12.6, 55.7],
      ],
    };
    expect(said(importGeoJson(JSON.stringify(line), 'place'))).toContain('ikke LineString');
    const swapped = { type: 'Point', coordinates: [55.6761, 12.5683] };
    expect(said(importGeoJson(JSON.stringify(swapped), 'place'))).toBe(
      'Formen ligger ikke i Danmark.',
    );
  });
});

describe('the outline given for orientation', () => {
  it('refuses a shape outside it, in Danish', () => {
    const outline = parseCoordinates(SQUARE.join('\n'), 'area').geometry ?? null;
    expect(parseCoordinates('55.6765, 12.5690', 'place', outline).geometry?.type).toBe('Point');
    expect(said(parseCoordinates('55.7000, 12.5690', 'place', outline))).toBe(
      'Formen skal ligge inden for områdets omrids.',
    );
  });
});
