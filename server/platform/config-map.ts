import { z } from 'zod';

/**
 * The housing-area map's background tiles (issue 16 part 1), from the environment. Without
 * `TOVHOLDER_MAP_TILE_URL` the map draws on a plain background and no request leaves the browser
 * (the default, in tests and in the demo). With it the web adds a tile layer, and the server's
 * content-security policy lets images come from the tile server's origin and nowhere else.
 *
 * The URL is sent to the browser as it is: a token in it (Dataforsyningen's `token=`) is visible
 * to every user, so use a token restricted to the product's domain (docs/OPERATIONS.md).
 */
export const MAP_CRS = ['EPSG:3857', 'EPSG:25832'] as const;
export type MapCrs = (typeof MAP_CRS)[number];

const numberList = z
  .string()
  .transform((v) => v.split(',').map((part) => Number(part.trim())))
  .refine((list) => list.length > 0 && list.every((n) => Number.isFinite(n)), {
    message: 'must be numbers separated by commas',
  });

/** The variables of the map, merged into the server's environment schema (config.ts). */
export const MapEnvFields = {
  // The message never echoes the value: the URL may hold a token. https only: the token would
  // travel in clear over http, and the browser would load the tiles as mixed content.
  TOVHOLDER_MAP_TILE_URL: z
    .string()
    .refine(
      (v) =>
        /^https:\/\/[a-z0-9.:{}-]+\//i.test(v) &&
        v.includes('{z}') &&
        v.includes('{x}') &&
        v.includes('{y}'),
      'must be an https URL with {z}, {x} and {y}, e.g. https://tile.example.dk/{z}/{x}/{y}.png',
    )
    .optional(),
  TOVHOLDER_MAP_CRS: z.enum(MAP_CRS).default('EPSG:3857'),
  TOVHOLDER_MAP_ATTRIBUTION: z.string().trim().min(1).max(300).optional(),
  /** EPSG:25832 only: the WMTS matrix's resolutions (metres per pixel, zoom 0 first). */
  TOVHOLDER_MAP_RESOLUTIONS: numberList.optional(),
  /** EPSG:25832 only: the WMTS matrix's top-left corner, "x,y" in metres. */
  TOVHOLDER_MAP_ORIGIN: numberList
    .refine((list) => list.length === 2, { message: 'must be two numbers: x,y' })
    .optional(),
};

/** The map variables alone (their parsed type is what mapTilesFrom takes). */
export const MapEnvSchema = z.object(MapEnvFields);
type MapEnv = z.infer<typeof MapEnvSchema>;

/**
 * Dataforsyningen's Skærmkort matrix (View1, EPSG:25832): 1638.4 m per pixel at level 0, halved
 * at each of 14 levels, from the corner (120000, 6500000). Used when the variables are not set.
 */
export const SKAERMKORT_MATRIX = {
  resolutions: Array.from({ length: 14 }, (_, level) => 1638.4 / 2 ** level),
  origin: [120_000, 6_500_000] as [number, number],
};

export interface MapTilesConfig {
  /** The tile URL template ({z}, {x}, {y}); absent: no tiles, a plain background. */
  url?: string | undefined;
  crs: MapCrs;
  attribution?: string | undefined;
  /** EPSG:25832 only: the tile matrix. */
  matrix?: { resolutions: number[]; origin: [number, number] } | undefined;
}

export function mapTilesFrom(env: MapEnv): MapTilesConfig {
  if (!env.TOVHOLDER_MAP_TILE_URL) return { crs: env.TOVHOLDER_MAP_CRS };
  return {
    url: env.TOVHOLDER_MAP_TILE_URL,
    crs: env.TOVHOLDER_MAP_CRS,
    attribution: env.TOVHOLDER_MAP_ATTRIBUTION,
    ...(env.TOVHOLDER_MAP_CRS === 'EPSG:25832' && {
      matrix: {
        resolutions: env.TOVHOLDER_MAP_RESOLUTIONS ?? SKAERMKORT_MATRIX.resolutions,
        origin:
          (env.TOVHOLDER_MAP_ORIGIN as [number, number] | undefined) ?? SKAERMKORT_MATRIX.origin,
      },
    }),
  };
}

/** The origin images may come from besides the app itself (the CSP's img-src), if any. */
export function tileOrigin(tiles: MapTilesConfig | undefined): string | undefined {
  if (!tiles?.url) return undefined;
  const match = /^(https?):\/\/([^/?#]+)/.exec(tiles.url);
  if (!match) return undefined;
  // {s} subdomains (a.tile…, b.tile…) become a wildcard host.
  return `${match[1]}://${(match[2] ?? '').replace(/^\{s\}\./, '*.')}`;
}
