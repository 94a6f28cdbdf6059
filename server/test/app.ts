import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../app.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export const testKeys = {
  audit: Buffer.alloc(32, 7),
  secret: Buffer.alloc(32, 9),
};

export const testConfig: AppConfig = {
  env: 'test',
  session: { idleMinutes: 30, absoluteHours: 12 },
  trustProxy: false,
  demo: false,
  bodyLimitBytes: 64 * 1024,
  logLevel: 'info',
  webDir: '/nonexistent-web-dir',
};

/** The real Fastify app on a fresh, migrated database, with its logs captured. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const app = await buildApp({ ...testConfig, ...overrides }, database, {
    keys: testKeys,
    logStream: stream,
  });
  return {
    app,
    database,
    logs,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
