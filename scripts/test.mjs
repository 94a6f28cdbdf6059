// `npm test`: every tier, on a fresh machine too. Installs what is missing, runs lint, format
// check and typecheck, unit tests, the HTTP integration tier on PGlite and again on a throwaway
// PostgreSQL, then the Playwright journeys in Chromium on both engines. Exit code 0 only if
// everything passed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ROOT,
  ensureChromium,
  ensureDependencies,
  ensurePostgresServer,
  ensureWebBuild,
  run,
} from './lib/ensure.mjs';
import { findPostgresBin, startThrowawayPostgres } from './lib/postgres.mjs';

const started = Date.now();
/**
 * Each tier's time budget in seconds on CI's 2 cores, summing to under 15 minutes. A tier over
 * its budget is reported, not failed: a busy machine must never turn a correct change red. Each
 * change says in its note what it added to these figures.
 */
const BUDGET_SECONDS = {
  'Lint (eslint)': 30,
  'Format check (prettier)': 20,
  'Typecheck (tsc, strict)': 40,
  'Unit tests': 20,
  'Integration tests on PGlite': 210,
  'Integration tests on PostgreSQL': 100,
  'Building the web app': 30,
  'Browser journeys on PGlite (Chromium)': 200,
  'Browser journeys on PostgreSQL (Chromium)': 250,
};
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const resultsDir = join(ROOT, '.tmp', 'test-results');
const steps = [];
let postgres;

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function banner(text) {
  console.log(`\n${'='.repeat(78)}\n== ${text}\n${'='.repeat(78)}`);
}

/** Runs one check (lint, format check, typecheck) and records its time and result. */
function check(name, command, args) {
  banner(name);
  const t = Date.now();
  const status = run(command, args);
  steps.push({ name, ok: status === 0, seconds: seconds(t) });
}

function vitest(name, project, env = {}, files = []) {
  banner(name);
  const t = Date.now();
  const output = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  const status = run(
    bin('vitest'),
    [
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${output}`,
      ...files,
    ],
    { env: { ...process.env, ...env } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let slowest = [];
  try {
    const json = JSON.parse(readFileSync(output, 'utf8'));
    counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    };
    slowest = (json.testResults ?? [])
      .map((r) => ({
        file: relative(ROOT, r.name),
        seconds: ((r.endTime - r.startTime) / 1000).toFixed(1),
      }))
      .sort((a, b) => Number(b.seconds) - Number(a.seconds))
      .slice(0, 3);
  } catch {
    // No report: the run itself failed (counted below as a failed step).
  }
  const ok = status === 0 && counts.failed === 0 && counts.passed > 0;
  steps.push({ name, ok, seconds: seconds(t), ...counts, slowest });
}

function stopPostgres() {
  postgres?.stop();
  postgres = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopPostgres();
    process.exit(130);
  });
}

try {
  banner('Preparing: npm packages, Chromium, PostgreSQL server');
  ensureDependencies();
  ensureChromium();
  ensurePostgresServer(findPostgresBin);
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  // One after another: run at the same time on two cores, the three took as long as their sum
  // (71.5 s together against 66.8 s in a row at b62bf1d) and each figure lost its meaning.
  check('Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
  check('Format check (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  check('Typecheck (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

  vitest('Unit tests', 'unit');
  vitest('Integration tests on PGlite', 'integration', { TEST_DATABASE_URL: '' });

  banner('Starting a throwaway PostgreSQL server');
  postgres = await startThrowawayPostgres();
  console.log(`${postgres.version} listening on 127.0.0.1:${postgres.port}`);
  vitest(`Integration tests on PostgreSQL`, 'integration', { TEST_DATABASE_URL: postgres.url });

  banner('Building the web app for the browser tier');
  const built = Date.now();
  ensureWebBuild({ force: true });
  steps.push({ name: 'Building the web app', ok: true, seconds: seconds(built) });
  // Every journey runs on PostgreSQL, the production engine (a fresh database each). PGlite keeps
  // the newcomer's path (`npm start` serves it): the shell and login, a server process starting on
  // a new data directory with the demo data. What else differs between the engines is a server
  // stopped and started on the same PGlite files, written to while it is down; the integration
  // test `server/main.int.test.ts` checks exactly that on PGlite, so the Copenhagen case (about
  // 50 s) and the inquiry journey (about 56 s), whose server work is plain SQL that the HTTP tests
  // check on both engines, run on PostgreSQL only.
  vitest('Browser journeys on PGlite (Chromium)', 'e2e', { TEST_DATABASE_URL: '' }, [
    'e2e/shell.e2e.ts',
    'e2e/login.e2e.ts',
  ]);
  vitest('Browser journeys on PostgreSQL (Chromium)', 'e2e', { TEST_DATABASE_URL: postgres.url });
  stopPostgres();
  console.log('PostgreSQL stopped and its directory removed.');
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  steps.push({ name: 'test runner', ok: false, seconds: '0' });
} finally {
  stopPostgres();
}

banner(`Summary (${seconds(started)} s)`);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  const counts =
    step.passed !== undefined
      ? ` ${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped`
      : '';
  const budget = BUDGET_SECONDS[step.name];
  const over = budget !== undefined && Number(step.seconds) > budget;
  console.log(
    `${step.ok ? 'PASS' : 'FAIL'}  ${step.name.padEnd(44)} ${String(step.seconds).padStart(6)} s` +
      `${budget ? ` of ${String(budget).padStart(3)} s${over ? ' OVER BUDGET' : ''}` : ''}${counts}`,
  );
  for (const file of step.slowest ?? []) {
    console.log(`        slowest: ${file.file} ${file.seconds} s`);
  }
  passed += step.passed ?? 0;
  failed += step.failed ?? 0;
  skipped += step.skipped ?? 0;
}
const total = Object.values(BUDGET_SECONDS).reduce((a, b) => a + b, 0);
console.log(`\nTime: ${seconds(started)} s of a ${total} s budget (tiers over budget are marked).`);
const allOk = steps.length > 0 && steps.every((s) => s.ok);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk ? 0 : 1);
