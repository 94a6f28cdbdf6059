import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, PGlite in ./data, demo outside production', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.demo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/tovholder' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/tovholder',
      poolMax: 10,
    });
  });

  it('honours PORT and TOVHOLDER_DATA_DIR, and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '8080', TOVHOLDER_DATA_DIR: '/srv/tov', LOG_LEVEL: '' });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/tov/pglite' });
    expect(config.logLevel).toBe('info');
  });

  it('is never in demo mode in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ TOVHOLDER_DEMO: 'yes' }, 'TOVHOLDER_DEMO'],
    [{ NODE_ENV: 'production', TOVHOLDER_DEMO: 'true' }, 'TOVHOLDER_DEMO'],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
  ])('rejects %o naming %s', (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toContain(variable);
      expect((error as Error).message).toContain(`${variable}: `);
    }
  });
});
