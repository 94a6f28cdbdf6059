import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import type { Background } from './mapSetup';
import { EPSG_25832 } from './mapSetup';

/**
 * Leaflet as the map's lazy chunk uses it (issue 16 part 1): its CSS is loaded here, never in the
 * main chunk; the marker images come from the app itself (the CSP's img-src 'self'), not guessed
 * from the stylesheet's path.
 */
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

/** Styles per level: line pattern and fill tell the levels apart, not colour alone. */
export const LEVEL_STYLES: Record<'area' | 'zone' | 'place', L.PathOptions> = {
  area: { color: '#1a1a1a', weight: 4, dashArray: '10 6', fill: false },
  zone: { color: '#1f4f6f', weight: 2, fillColor: '#4f7f9f', fillOpacity: 0.3 },
  place: { color: '#8a3b12', weight: 2, dashArray: '2 4', fillColor: '#8a3b12', fillOpacity: 0.5 },
};

export const SELECTED_STYLE: L.PathOptions = { weight: 5, dashArray: '', opacity: 1 };

/**
 * The map's projection: Web Mercator for an OpenStreetMap-style server or the plain background;
 * EPSG:25832 (Dataforsyningen's Skærmkort) through proj4leaflet, imported only then.
 */
export async function crsFor(background: Background): Promise<L.CRS> {
  if (background.kind !== 'tiles' || background.crs !== 'EPSG:25832' || !background.matrix) {
    return L.CRS.EPSG3857;
  }
  await import('proj4leaflet');
  const { resolutions, origin } = background.matrix;
  return new L.Proj.CRS('EPSG:25832', EPSG_25832, { resolutions, origin });
}
