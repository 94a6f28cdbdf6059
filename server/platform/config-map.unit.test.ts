import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { tileOrigin } from './config-map.ts';

describe('the map tile configuration', () => {
  it('has no tiles by default', () => {
    expect(loadConfig({}).mapTiles).toEqual({ crs: 'EPSG:3857' });
    expect(tileOrigin(loadConfig({}).mapTiles)).toBeUndefined();
  });

  it('reads an OpenStreetMap-style server, {s} subdomains as a wildcard origin', () => {
    const tiles = loadConfig({
      TOVHOLDER_MAP_TILE_URL: 'https://{s}.tile.example.dk/{z}/{x}/{y}.png',
      TOVHOLDER_MAP_ATTRIBUTION: '© OpenStreetMap',
    }).mapTiles;
    expect(tiles).toEqual({
      url: 'https://{s}.tile.example.dk/{z}/{x}/{y}.png',
      crs: 'EPSG:3857',
      attribution: '© OpenStreetMap',
    });
    expect(tileOrigin(tiles)).toBe('https://*.tile.example.dk');
  });

  it('takes the WMTS matrix for EPSG:25832 from the variables', () => {
    const tiles = loadConfig({
      TOVHOLDER_MAP_TILE_URL: 'https://wmts.example.dk:8443/x?z={z}&x={x}&y={y}',
      TOVHOLDER_MAP_CRS: 'EPSG:25832',
      TOVHOLDER_MAP_RESOLUTIONS: '800, 400,200',
      TOVHOLDER_MAP_ORIGIN: '100000,6600000',
    }).mapTiles;
    expect(tiles.matrix).toEqual({ resolutions: [800, 400, 200], origin: [100000, 6600000] });
    expect(tileOrigin(tiles)).toBe('https://wmts.example.dk:8443');
  });

  it('refuses a URL without placeholders, a host that could break the policy, http, a bad matrix', () => {
    for (const env of [
      { TOVHOLDER_MAP_TILE_URL: 'https://tiles.example.dk/map.png' },
      { TOVHOLDER_MAP_TILE_URL: "https://a.dk;script-src 'unsafe-inline'/{z}/{x}/{y}" },
      { TOVHOLDER_MAP_TILE_URL: 'javascript:alert(1)//{z}/{x}/{y}' },
      { TOVHOLDER_MAP_TILE_URL: 'http://tiles.example.dk/{z}/{x}/{y}.png?token=abc' },
      { TOVHOLDER_MAP_TILE_URL: 'http://localhost:8080/{z}/{x}/{y}.png' },
      { TOVHOLDER_MAP_CRS: 'EPSG:4326' },
      { TOVHOLDER_MAP_ORIGIN: '1,2,3' },
      { TOVHOLDER_MAP_RESOLUTIONS: '800,lots' },
    ]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
  });
});
