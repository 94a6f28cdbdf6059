import type { Geometry, Position } from 'geojson';
import type { MapTiles } from '../../../../../server/modules/map-tiles/schema.ts';

/**
 * What the map draws under the shapes (issue 16 part 1). Without a configured tile server — the
 * default, in tests and in the demo — a plain background, and the browser asks no other server;
 * with one a tile layer in its projection (EPSG:25832 through proj4leaflet, loaded only then).
 */
export type Background =
  | { kind: 'plain' }
  | {
      kind: 'tiles';
      url: string;
      attribution: string;
      crs: MapTiles['crs'];
      matrix: MapTiles['matrix'];
    };

/**
 * Leaflet shows the attribution as HTML; the configured text (TOVHOLDER_MAP_ATTRIBUTION) is
 * shown as text, so a `<` or `&` in it is escaped rather than run.
 */
export function attributionHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function backgroundOf(tiles: MapTiles | undefined): Background {
  if (!tiles?.url) return { kind: 'plain' };
  return {
    kind: 'tiles',
    url: tiles.url,
    attribution: attributionHtml(tiles.attribution ?? ''),
    crs: tiles.crs,
    matrix: tiles.matrix,
  };
}

/** ETRS89 / UTM zone 32N, the Danish agencies' projection. */
export const EPSG_25832 =
  '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** The [[south, west], [north, east]] bounds of shapes, for fitting the map; null if none. */
export function boundsOf(
  geometries: (Geometry | null | undefined)[],
): [[number, number], [number, number]] | null {
  const positions: Position[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value) && typeof value[0] === 'number') positions.push(value as Position);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  for (const g of geometries) if (g && 'coordinates' in g) walk(g.coordinates);
  if (positions.length === 0) return null;
  const lats = positions.map((p) => p[1] ?? 0);
  const lons = positions.map((p) => p[0] ?? 0);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
}
