import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MapTilesConfig } from '../../platform/config-map.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { MapTilesSchema, type MapTiles } from './schema.ts';

/**
 * The map's tile configuration for the web (issue 16 part 1): configuration only, no personal
 * data and no database, so nothing is audited. Logged-in users only, because the URL may carry
 * the municipality's tile token.
 */
export const mapTileRoutes =
  (options: { tiles: MapTilesConfig }): FastifyPluginAsyncZod =>
  async (app) => {
    const answer: MapTiles = {
      url: options.tiles.url ?? null,
      crs: options.tiles.crs,
      attribution: options.tiles.url ? (options.tiles.attribution ?? null) : null,
      matrix: options.tiles.url ? (options.tiles.matrix ?? null) : null,
    };
    routeKit(app, ['map-tiles']).get(
      '/api/map-tiles',
      {
        policy: 'session',
        summary:
          "The housing-area map's background tiles (URL template, projection, attribution); url null draws a plain background",
        response: { 200: MapTilesSchema },
      },
      async () => answer,
    );
  };
