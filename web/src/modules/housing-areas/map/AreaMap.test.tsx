import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../../ui/testRender';
import type * as AreaMapModule from './AreaMap';
import type AreaMapViewType from './AreaMapView';
import type GeometryFieldViewType from './GeometryFieldView';
import { backgroundOf, boundsOf } from './mapSetup';
import { placeRows } from './placesList';

/**
 * The map's accessible list (issue 16 part 1): one row per zone and place with level, kind, name,
 * the zone a place lies in and its position in words; the map beside it without tiles by default.
 */
let AreaMapShell: typeof AreaMapModule.AreaMap;
let AreaMap: typeof AreaMapViewType;
let GeometryField: typeof GeometryFieldViewType;
beforeAll(async () => {
  ({ AreaMap: AreaMapShell } = await importWithI18n(() => import('./AreaMap')));
  ({ default: AreaMap } = await import('./AreaMapView'));
  ({ default: GeometryField } = await import('./GeometryFieldView'));
});

const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

const outline = square(12.5, 55.5, 0.25);
const features: AreaMapModule.MapFeature[] = [
  {
    id: 'p1',
    name: 'Kiosken ved torvet',
    level: 'place',
    kind: 'shop',
    geometry: { type: 'Point', coordinates: [12.5625, 55.5625] },
  },
  { id: 'z1', name: 'Nord', level: 'zone', kind: 'zone', geometry: square(12.5, 55.625, 0.125) },
  { id: 'z2', name: 'Syd', level: 'zone', kind: 'zone', geometry: square(12.5, 55.5, 0.125) },
  {
    id: 'p2',
    name: 'Boldbanen',
    level: 'place',
    kind: 'outdoor',
    geometry: square(12.5625, 55.6875, 0.0625),
  },
];

describe('the accessible list', () => {
  it('orders zones before places and finds the zone each place lies in', () => {
    const rows = placeRows(features);
    expect(rows.map((r) => [r.name, r.zone])).toEqual([
      ['Nord', null],
      ['Syd', null],
      ['Boldbanen', 'Nord'],
      ['Kiosken ved torvet', 'Syd'],
    ]);
    expect(rows[3]?.position).toEqual({ kind: 'point', lat: '55.56250', lon: '12.56250' });
    expect(rows[2]?.position).toMatchObject({ kind: 'polygon', corners: 4 });
  });

  it('renders a table with a caption, words for level and kind, and a select button per row', () => {
    const html = renderToStaticMarkup(
      <AreaMap
        label="Nørrevang"
        outline={outline}
        features={features}
        selectedId="z2"
        onSelect={() => undefined}
      />,
    );
    expect(html).toContain('<caption>Steder i Nørrevang</caption>');
    expect(html).toMatch(
      /<td>Sted<\/td><td>Butik<\/td><th scope="row">Kiosken ved torvet<\/th><td>Syd<\/td><td>Punkt 55.56250, 12.56250<\/td>/,
    );
    expect(html).toContain('Udendørs sted');
    expect(html).toContain('Vis Boldbanen på kortet');
    expect(html).toMatch(
      /<tr aria-current="true"><td>Zone<\/td><td>Zone<\/td><th scope="row">Syd<\/th>/,
    );
    // The legend tells the levels apart in words, not by colour alone.
    expect(html).toContain('Området (tyk stiplet streg)');
    // The map itself is loaded lazily: on the server only its placeholder, and no tile anywhere.
    expect(html).toContain('Henter kortet');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('is loaded lazily, so the main chunk carries neither turf nor Leaflet', () => {
    const html = renderToStaticMarkup(
      <AreaMapShell label="Nørrevang" outline={outline} features={features} />,
    );
    expect(html).toBe('<p>Henter kortet …</p>');
  });

  it('says so when there is nothing yet', () => {
    const html = renderToStaticMarkup(<AreaMap label="Nørrevang" outline={null} features={[]} />);
    expect(html).toContain('Der er endnu ingen zoner eller steder.');
    expect(html).not.toContain('På kortet');
  });
});

describe('the background', () => {
  it('is plain without configured tiles, a tile layer with them', () => {
    expect(backgroundOf(undefined)).toEqual({ kind: 'plain' });
    expect(backgroundOf({ url: null, crs: 'EPSG:3857', attribution: null, matrix: null })).toEqual({
      kind: 'plain',
    });
    expect(
      backgroundOf({
        url: 'https://t.example.dk/{z}/{x}/{y}.png',
        crs: 'EPSG:3857',
        attribution: '© OSM',
        matrix: null,
      }),
    ).toMatchObject({ kind: 'tiles', crs: 'EPSG:3857', attribution: '© OSM' });
  });

  it('hands Leaflet the configured attribution as text, never as markup', () => {
    const background = backgroundOf({
      url: 'https://t.example.dk/{z}/{x}/{y}.png',
      crs: 'EPSG:3857',
      attribution: 'Kort <img src=x onerror=alert(1)> & "data"',
      matrix: null,
    });
    expect(background).toMatchObject({
      attribution: 'Kort &lt;img src=x onerror=alert(1)&gt; &amp; &quot;data&quot;',
    });
  });

  it('fits the map to the outline and the features', () => {
    expect(boundsOf([outline, features[0]?.geometry])).toEqual([
      [55.5, 12.5],
      [55.75, 12.75],
    ]);
    expect(boundsOf([null])).toBeNull();
  });
});

describe('the geometry field', () => {
  it('shows the shape as typed lines with the format hint, a preview and the draw button', () => {
    const html = renderToStaticMarkup(
      <GeometryField
        id="omrids"
        label="Områdets omrids"
        shape="area"
        value={outline}
        onChange={() => undefined}
        outline={null}
      />,
    );
    expect(html).toContain('<label class="form-label" for="omrids">Områdets omrids</label>');
    expect(html).toContain('55.5, 12.5\n55.5, 12.75\n55.75, 12.75\n55.75, 12.5</textarea>');
    expect(html).toContain('Skriv ét punkt pr. linje som bredde, længde');
    expect(html).toContain(
      'role="img" aria-label="Forhåndsvisning af formen: Flade om 55.62500, 12.62500 (ca. 43',
    );
    expect(html).toContain('Indlæs GeoJSON i stedet');
    expect(html).toContain('Tegn på kortet');
  });

  it('shows a problem from the form in dkfds error markup', () => {
    const html = renderToStaticMarkup(
      <GeometryField
        id="sted"
        label="Stedets placering"
        shape="place"
        value={null}
        onChange={() => undefined}
        error="Angiv stedets placering."
      />,
    );
    expect(html).toContain('form-group form-error');
    expect(html).toContain('<span class="form-error-message" id="sted-error">');
    expect(html).toContain('aria-invalid="true"');
  });
});
