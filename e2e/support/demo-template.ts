import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  testEngine,
} from '../../server/test/database.ts';
import { startServerProcess } from '../../server/test/process.ts';

/** Name the template database and its data dir (the development keys its audit trail used). */
export const DEMO_TEMPLATE_DATABASE_ENV = 'TOVHOLDER_E2E_DEMO_DATABASE';
export const DEMO_TEMPLATE_DIR_ENV = 'TOVHOLDER_E2E_DEMO_DIR';

/**
 * The browser tier's counterpart of the integration tier's migrated template (vitest
 * `globalSetup`, on PostgreSQL only): one real server process starts once on a fresh database
 * and data dir, migrates and seeds the demo data, and stops. Every journey then copies that
 * database (`create database … template …`) and the data dir with its keys, so its own server
 * starts on demo data instead of migrating and seeding again, and a journey's `prepare` runs
 * before that one start instead of between two.
 *
 * On PGlite every journey still starts on a new data dir and seeds it itself: that is the
 * newcomer's `npm start`, which the PGlite journeys (shell, login) exist to check. Seeding from
 * nothing on PostgreSQL is still checked here, by this very start, and by the demo's HTTP tests.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (testEngine !== 'postgres') return async () => undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-e2e-demo-'));
  const url = await createPostgresDatabase();
  try {
    const server = await startServerProcess({
      TOVHOLDER_DATA_DIR: dataDir,
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
    });
    const code = await server.stop();
    if (code !== 0) throw new Error(`the demo server exited with ${code}:\n${server.output()}`);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    await dropPostgresDatabase(url);
    throw error;
  }
  // Test workers are started after this and inherit the environment.
  process.env[DEMO_TEMPLATE_DATABASE_ENV] = new URL(url).pathname.slice(1);
  process.env[DEMO_TEMPLATE_DIR_ENV] = dataDir;
  return async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropPostgresDatabase(url);
  };
}
