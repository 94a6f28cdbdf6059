import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { createUser, login } from '../../test/users.ts';

/**
 * The map's tiles (issue 16 part 1): without configuration no tile server — the endpoint says so
 * and the content-security policy lets images come only from the app; with Dataforsyningen's
 * Skærmkort configured the endpoint hands the web the URL, projection and matrix, and img-src
 * names that origin and no other.
 */
const skaermkort = loadConfig({
  TOVHOLDER_MAP_TILE_URL:
    'https://api.dataforsyningen.dk/topo_skaermkort_wmts_DAF?token=abc&layer=dtk_skaermkort&tilematrixset=View1&TileMatrix={z}&TileCol={x}&TileRow={y}',
  TOVHOLDER_MAP_CRS: 'EPSG:25832',
  TOVHOLDER_MAP_ATTRIBUTION: 'Skærmkort © Klimadatastyrelsen',
}).mapTiles;

let plain: TestApp;
let tiled: TestApp;
beforeAll(async () => {
  [plain, tiled] = await Promise.all([startTestApp(), startTestApp({ mapTiles: skaermkort })]);
});
afterAll(async () => {
  await Promise.all([plain.close(), tiled.close()]);
});

async function tilesOf(t: TestApp) {
  const user = await createUser(t.database.db, { roles: ['caseworker'] });
  const { cookie } = await login(t.app, user);
  return t.app.inject({ method: 'GET', url: '/api/map-tiles', headers: { cookie } });
}

const imgSrc = (csp: unknown) => /img-src ([^;]*)/.exec(String(csp))?.[1];

describe('the map tiles', () => {
  it('sends no tile server and keeps img-src to the app itself by default', async () => {
    const res = await tilesOf(plain);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ url: null, crs: 'EPSG:3857', attribution: null, matrix: null });
    expect(imgSrc(res.headers['content-security-policy'])).toBe("'self' data:");
  });

  it('sends the configured Skærmkort with its matrix and allows its origin for images', async () => {
    const res = await tilesOf(tiled);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ url: string; crs: string; attribution: string; matrix: unknown }>();
    expect(body.url).toContain('TileMatrix={z}');
    expect(body.crs).toBe('EPSG:25832');
    expect(body.attribution).toBe('Skærmkort © Klimadatastyrelsen');
    expect(body.matrix).toEqual({
      resolutions: expect.arrayContaining([1638.4, 0.2]) as unknown,
      origin: [120000, 6500000],
    });
    expect(imgSrc(res.headers['content-security-policy'])).toBe(
      "'self' data: https://api.dataforsyningen.dk",
    );
    // The rest of the policy is unchanged.
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
  });

  it('is for logged-in users only', async () => {
    const res = await tiled.app.inject({ method: 'GET', url: '/api/map-tiles' });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('token=abc');
  });
});
