import { z } from 'zod';
import { MAP_CRS } from '../../platform/config-map.ts';

/**
 * The housing-area map's background, as the web gets it (GET /api/map-tiles). `url` null: no
 * tiles — the map draws on a plain background and the browser asks no other server.
 */
export const MapTilesSchema = z.object({
  url: z.string().nullable(),
  crs: z.enum(MAP_CRS),
  attribution: z.string().nullable(),
  /** EPSG:25832 only: the WMTS matrix (metres per pixel from level 0; the top-left corner). */
  matrix: z
    .object({ resolutions: z.array(z.number()), origin: z.tuple([z.number(), z.number()]) })
    .nullable(),
});
export type MapTiles = z.infer<typeof MapTilesSchema>;
