import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../server/platform/db/index.ts';
import type { DB } from '../../server/platform/db/schema.ts';
import { startServerProcess, type ServerProcess } from '../../server/test/process.ts';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  testEngine,
} from '../../server/test/database.ts';

/**
 * Debian's Chromium driven by playwright-core. As root it needs --no-sandbox; the machine has
 * no network, so background networking and component updates are switched off.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Journey {
  server: ServerProcess;
  browser: Browser;
  /** The server's base URL plus a path. */
  url(path: string): string;
  /**
   * Stops the server, runs `change` on its database (as time passing would: back-dating, a job
   * run with a later clock) and starts it again on the same data and port range. Sessions live
   * in the database, so the browsers stay logged in; call `url()` again afterwards.
   */
  offline(change: (db: Kysely<DB>) => Promise<void>): Promise<void>;
  /** Closes the browser's contexts, the browser and the server, and removes the data. */
  stop(): Promise<void>;
}

/**
 * A fresh server with demo data plus a browser: on its own PGlite data dir, or — when
 * TEST_DATABASE_URL names a PostgreSQL server — on a fresh database there (dropped at the end).
 */
export async function startJourney(
  options: { env?: Record<string, string>; prepare?: (db: Kysely<DB>) => Promise<void> } = {},
): Promise<Journey> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-e2e-'));
  const databaseUrl = testEngine === 'postgres' ? await createPostgresDatabase() : undefined;
  // The data dir also holds the development keys, on either engine.
  const env = {
    TOVHOLDER_DATA_DIR: dataDir,
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  let server = await startServerProcess(env);
  const offline = async (change: (db: Kysely<DB>) => Promise<void>) => {
    await server.stop();
    const database = await openDatabase(
      databaseUrl
        ? { kind: 'postgres', url: databaseUrl, poolMax: 2 }
        : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    );
    try {
      await change(database.db);
    } finally {
      await database.close();
    }
    server = await startServerProcess(env);
  };
  if (options.prepare) await offline(options.prepare);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    get server() {
      return server;
    },
    browser,
    url: (path) => server.baseUrl + path,
    offline,
    async stop() {
      for (const context of browser.contexts()) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    },
  };
}

/** Serious and critical axe violations on the page (WCAG 2.1 A and AA rules). */
export async function seriousA11yViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Collects console errors and CSP violations so a journey can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
