import { resolve } from 'node:path';
import { z } from 'zod';
import { KEY_FORMAT_MESSAGE, decodeKey } from './keys.ts';
import { MapEnvFields, mapTilesFrom, type MapTilesConfig } from './config-map.ts';

/**
 * Configuration comes from the environment only and is validated once, at start.
 * A bad value stops the process with a message that names the variable (see loadConfig).
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    TOVHOLDER_DATA_DIR: z.string().min(1).default('./data'),
    TOVHOLDER_WEB_DIR: z.string().min(1).default('./dist/web'),
    TOVHOLDER_DEMO: booleanFlag.optional(),
    TOVHOLDER_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50_000_000)
      .default(1_048_576),
    TOVHOLDER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    TOVHOLDER_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
    TOVHOLDER_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
    TOVHOLDER_SECRET_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== undefined, KEY_FORMAT_MESSAGE)
      .optional(),
    TOVHOLDER_SECRET_KEY_FILE: z.string().min(1).optional(),
    TOVHOLDER_TRUST_PROXY: booleanFlag.default(false),
    TOVHOLDER_AUDIT_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== undefined, KEY_FORMAT_MESSAGE)
      .optional(),
    TOVHOLDER_AUDIT_KEY_FILE: z.string().min(1).optional(),
    // The message never echoes the value: the URL may hold the SMTP password.
    TOVHOLDER_SMTP_URL: z
      .string()
      .refine(
        (v) => /^smtps?:\/\/[^/?#]/.test(v) && URL.canParse(v),
        'must be a URL starting with smtp:// or smtps://, e.g. smtp://user:password@host:587',
      )
      .optional(),
    TOVHOLDER_MAIL_FROM: z.string().trim().min(3).max(254).default('Tovholder <noreply@localhost>'),
    TOVHOLDER_PUBLIC_URL: z
      .string()
      .refine(
        (v) => /^https?:\/\//.test(v) && URL.canParse(v),
        'must be a URL starting with http:// or https://',
      )
      .transform((v) => v.replace(/\/+$/, ''))
      .default('http://localhost:3000'),
    TOVHOLDER_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    ...MapEnvFields,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.TOVHOLDER_DEMO === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOVHOLDER_DEMO'],
        message: 'demo data is never created when NODE_ENV=production',
      });
    }
    if (env.TOVHOLDER_AUDIT_KEY && env.TOVHOLDER_AUDIT_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOVHOLDER_AUDIT_KEY_FILE'],
        message: 'set either TOVHOLDER_AUDIT_KEY or TOVHOLDER_AUDIT_KEY_FILE, not both',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      !env.TOVHOLDER_AUDIT_KEY &&
      !env.TOVHOLDER_AUDIT_KEY_FILE
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOVHOLDER_AUDIT_KEY'],
        message:
          'required in production: the HMAC key of the audit trail, kept outside the database',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      !env.TOVHOLDER_SECRET_KEY &&
      !env.TOVHOLDER_SECRET_KEY_FILE
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOVHOLDER_SECRET_KEY'],
        message: 'required in production: the key that encrypts secrets, kept outside the database',
      });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database:
    { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  webDir: string;
  demo: boolean;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** HMAC key of the audit trail (text or file); outside production a key file in dataDir. */
  audit: { key?: string | undefined; keyFile?: string | undefined };
  session: { idleMinutes: number; absoluteHours: number };
  /** Encryption key for secrets in the database (TOTP secrets); kept outside the database. */
  secretKey: { key?: string | undefined; keyFile?: string | undefined };
  /** Trust X-Forwarded-* from a reverse proxy (client IP for throttling, https for cookies). */
  trustProxy: boolean;
  /** E-mail through SMTP; without `smtpUrl` no e-mail is sent (the outbox keeps the rows). */
  mail: { smtpUrl?: string | undefined; from: string };
  /** The address users reach the app at, without a trailing slash (links in e-mails). */
  publicUrl: string;
  /** How often the background jobs run (deadline reminders, the e-mail outbox). */
  jobs: { intervalSeconds: number };
  /** The housing-area map's background tiles; without a URL a plain background (config-map.ts). */
  mapTiles: MapTilesConfig;
}

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `PORT= npm start` falls back to the default.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const env = parsed.data;
  const dataDir = resolve(env.TOVHOLDER_DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    webDir: resolve(env.TOVHOLDER_WEB_DIR),
    demo: env.TOVHOLDER_DEMO ?? env.NODE_ENV !== 'production',
    bodyLimitBytes: env.TOVHOLDER_BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.TOVHOLDER_SHUTDOWN_TIMEOUT_MS,
    logLevel: env.LOG_LEVEL,
    audit: {
      key: env.TOVHOLDER_AUDIT_KEY,
      keyFile: env.TOVHOLDER_AUDIT_KEY_FILE && resolve(env.TOVHOLDER_AUDIT_KEY_FILE),
    },
    session: {
      idleMinutes: env.TOVHOLDER_SESSION_IDLE_MINUTES,
      absoluteHours: env.TOVHOLDER_SESSION_ABSOLUTE_HOURS,
    },
    secretKey: { key: env.TOVHOLDER_SECRET_KEY, keyFile: env.TOVHOLDER_SECRET_KEY_FILE },
    trustProxy: env.TOVHOLDER_TRUST_PROXY,
    mail: { smtpUrl: env.TOVHOLDER_SMTP_URL, from: env.TOVHOLDER_MAIL_FROM },
    publicUrl: env.TOVHOLDER_PUBLIC_URL,
    jobs: { intervalSeconds: env.TOVHOLDER_JOB_INTERVAL_SECONDS },
    mapTiles: mapTilesFrom(env),
  };
}
