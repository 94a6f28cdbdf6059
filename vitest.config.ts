import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Timeouts here are guards against a hang, not speed limits: a busy 2-core machine must never
 * fail a correct test. Speed is kept by the per-tier budgets that `npm test` prints
 * (scripts/test.mjs) and by keeping each test small.
 *
 * Three tiers. `integration` runs against PGlite unless TEST_DATABASE_URL points at a real
 * PostgreSQL (scripts/test.mjs runs it both ways); `e2e` drives Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.unit.test.ts', 'web/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          environment: 'node',
          // Files share a worker's module cache, as in the integration tier: loading React,
          // the i18n catalogues and the form layer anew for each file cost most of the tier's
          // time. So no test mocks a module (a mock would reach every later file of the worker).
          isolate: false,
          setupFiles: ['web/src/testSetup.ts'],
        },
        resolve: {
          alias: {
            // dkfds's package exports hide its icon sprite from Node's resolver; Vite's build
            // finds it. Named by path, the sprite is an asset URL in tests as in the app.
            'dkfds/dist/img/all-svg-icons.svg': fileURLToPath(
              new URL('./node_modules/dkfds/dist/img/all-svg-icons.svg', import.meta.url),
            ),
          },
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['server/**/*.int.test.ts'],
          // A migrated database made once per run (PGlite or PostgreSQL), copied by every file's
          // fresh database.
          globalSetup: ['server/test/pglite-template.ts', 'server/test/postgres-template.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          pool: 'forks',
          maxWorkers: 2,
          // Files share a worker's module cache: every file builds its own app on its own fresh
          // database, so nothing is shared but loaded code; importing the app anew for each of
          // 60 files cost more time than all their tests.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.ts'],
          // On PostgreSQL, the demo data seeded once per run and copied by every journey.
          globalSetup: ['e2e/support/demo-template.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // The journeys run one after another in one process sharing its module cache:
          // playwright, axe and the server modules the support files read were loaded anew for
          // every file. Each journey still has its own server, database, data dir and browser,
          // and the support files keep no state between journeys (nothing mocks a module).
          isolate: false,
        },
      },
    ],
  },
});
