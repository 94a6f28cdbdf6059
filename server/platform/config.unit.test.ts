import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** An audit key for tests that need production settings (32 bytes, base64). */
const AUDIT_KEY = Buffer.alloc(32, 1).toString('base64');

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
    expect(
      loadConfig({
        NODE_ENV: 'production',
        TOVHOLDER_AUDIT_KEY: AUDIT_KEY,
        TOVHOLDER_SECRET_KEY: AUDIT_KEY,
      }).demo,
    ).toBe(false);
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

  it('takes the audit key as base64 or hex text, or as a file path', () => {
    expect(loadConfig({ TOVHOLDER_AUDIT_KEY: AUDIT_KEY }).audit).toEqual({
      key: AUDIT_KEY,
      keyFile: undefined,
    });
    const hex = Buffer.alloc(32, 2).toString('hex');
    expect(loadConfig({ TOVHOLDER_AUDIT_KEY: hex }).audit.key).toBe(hex);
    expect(loadConfig({ TOVHOLDER_AUDIT_KEY_FILE: '/run/secrets/audit' }).audit).toEqual({
      key: undefined,
      keyFile: '/run/secrets/audit',
    });
    // Outside production neither is needed: a key file is created in the data dir.
    expect(loadConfig({}).audit).toEqual({ key: undefined, keyFile: undefined });
  });

  it.each([
    ['shorter than 32 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['31 bytes as hex', Buffer.alloc(31, 1).toString('hex')],
    ['not base64 or hex', 'this is not a key, it is a sentence of text!'],
  ])('rejects an audit key that is %s, without echoing it', (_, key) => {
    try {
      loadConfig({ TOVHOLDER_AUDIT_KEY: key });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        { variable: 'TOVHOLDER_AUDIT_KEY', message: expect.stringMatching(/32 random bytes/) },
      ]);
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('requires the audit key in production', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ NODE_ENV: 'production' })).toContainEqual({
      variable: 'TOVHOLDER_AUDIT_KEY',
      message: 'required in production: the HMAC key of the audit trail, kept outside the database',
    });
    const givens: Record<string, string>[] = [
      { TOVHOLDER_AUDIT_KEY: AUDIT_KEY },
      { TOVHOLDER_AUDIT_KEY_FILE: '/k' },
    ];
    for (const given of givens) {
      const variables = problems({ NODE_ENV: 'production', ...given }).map((p) => p.variable);
      expect(variables).not.toContain('TOVHOLDER_AUDIT_KEY');
      expect(variables).not.toContain('TOVHOLDER_AUDIT_KEY_FILE');
    }
  });

  it('refuses both an audit key and an audit key file', () => {
    expect(() =>
      loadConfig({ TOVHOLDER_AUDIT_KEY: AUDIT_KEY, TOVHOLDER_AUDIT_KEY_FILE: '/k' }),
    ).toThrow(/TOVHOLDER_AUDIT_KEY_FILE: set either/);
  });

  it('sends no e-mail by default, and runs the background jobs every minute', () => {
    const config = loadConfig({});
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'Tovholder <noreply@localhost>' });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.jobs).toEqual({ intervalSeconds: 60 });
  });

  it('takes the SMTP server, sender, public address and job interval from the environment', () => {
    const config = loadConfig({
      TOVHOLDER_SMTP_URL: 'smtp://tovholder:hemmelig@mail.kommune.dk:587',
      TOVHOLDER_MAIL_FROM: 'Tovholder <tovholder@kommune.dk>',
      TOVHOLDER_PUBLIC_URL: 'https://tovholder.kommune.dk/',
      TOVHOLDER_JOB_INTERVAL_SECONDS: '5',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://tovholder:hemmelig@mail.kommune.dk:587',
      from: 'Tovholder <tovholder@kommune.dk>',
    });
    expect(config.publicUrl).toBe('https://tovholder.kommune.dk');
    expect(config.jobs.intervalSeconds).toBe(5);
  });

  it.each([
    [{ TOVHOLDER_SMTP_URL: 'http://mail.kommune.dk' }, 'TOVHOLDER_SMTP_URL'],
    [{ TOVHOLDER_SMTP_URL: 'smtp://' }, 'TOVHOLDER_SMTP_URL'],
    [{ TOVHOLDER_PUBLIC_URL: 'tovholder.kommune.dk' }, 'TOVHOLDER_PUBLIC_URL'],
    [{ TOVHOLDER_JOB_INTERVAL_SECONDS: '4' }, 'TOVHOLDER_JOB_INTERVAL_SECONDS'],
    [{ TOVHOLDER_JOB_INTERVAL_SECONDS: 'often' }, 'TOVHOLDER_JOB_INTERVAL_SECONDS'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}: `));
  });

  it('never echoes the SMTP URL, which may hold a password', () => {
    const url = 'ftp://tovholder:hemmelig-adgangskode@mail.kommune.dk';
    try {
      loadConfig({ TOVHOLDER_SMTP_URL: url });
      expect.unreachable('should have thrown');
    } catch (error) {
      expect((error as Error).message).toContain('TOVHOLDER_SMTP_URL: ');
      expect((error as Error).message).not.toContain('hemmelig');
    }
  });
});
