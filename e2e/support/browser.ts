import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
import { DEMO_TEMPLATE_DATABASE_ENV, DEMO_TEMPLATE_DIR_ENV } from './demo-template.ts';

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
 * On PostgreSQL that database and the data dir's keys are copies of the run's demo template
 * (`demo-template.ts`), so `prepare` runs on demo data before the server's only start —
 * unless the journey brings keys of its own.
 */
export async function startJourney(
  options: { env?: Record<string, string>; prepare?: (db: Kysely<DB>) => Promise<void> } = {},
): Promise<Journey> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-e2e-'));
  // A journey with keys (or a demo switch) of its own seeds its own demo data: the template's
  // TOTP secrets and audit trail are sealed with the template's development keys.
  const ownSeed = Object.keys(options.env ?? {}).some((name) => /KEY|DEMO/.test(name));
  const template =
    testEngine === 'postgres' && !ownSeed ? process.env[DEMO_TEMPLATE_DATABASE_ENV] : undefined;
  const templateDir = process.env[DEMO_TEMPLATE_DIR_ENV];
  if (template && templateDir) cpSync(templateDir, dataDir, { recursive: true });
  const databaseUrl =
    testEngine === 'postgres'
      ? await createPostgresDatabase(template && templateDir ? { template } : {})
      : undefined;
  const seeded = databaseUrl !== undefined && template !== undefined && templateDir !== undefined;
  // The data dir also holds the development keys, on either engine.
  const env = {
    TOVHOLDER_DATA_DIR: dataDir,
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const change = async (fn: (db: Kysely<DB>) => Promise<void>) => {
    const database = await openDatabase(
      databaseUrl
        ? { kind: 'postgres', url: databaseUrl, poolMax: 2 }
        : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    );
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  };
  if (seeded && options.prepare) await change(options.prepare);
  let server = await startServerProcess(env);
  const offline = async (fn: (db: Kysely<DB>) => Promise<void>) => {
    await server.stop();
    await change(fn);
    server = await startServerProcess(env);
  };
  if (!seeded && options.prepare) await offline(options.prepare);
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
