// Installs what a fresh machine is missing: npm packages, the web build, and (for tests)
// Debian's Chromium and PostgreSQL server. Plain JavaScript: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestUnder(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : mtime(path));
  }
  return newest;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(ROOT, 'package-lock.json'))) return;
  console.log('Installing npm packages (npm ci)…');
  const status = run('npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) throw new Error('npm ci failed');
}

/** Builds the web app when dist/web is missing or older than its sources. */
export function ensureWebBuild({ force = false } = {}) {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const sources = Math.max(
    newestUnder(join(ROOT, 'web')),
    mtime(join(ROOT, 'vite.config.ts')),
    mtime(join(ROOT, 'package-lock.json')),
  );
  if (!force && existsSync(index) && mtime(index) >= sources) return;
  console.log('Building the web app (vite build)…');
  const status = run(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn']);
  if (status !== 0) throw new Error('vite build failed');
}

const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

function aptInstall(packages) {
  if (!isRoot) {
    throw new Error(
      `missing system packages: ${packages.join(' ')} (install them with apt as root)`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  const status = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env,
  });
  if (status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
}

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log('Installing Chromium from Debian (apt-get)…');
  aptInstall(['chromium', 'fonts-dejavu-core']);
}

export function ensurePostgresServer(findBin) {
  if (findBin()) return;
  console.log('Installing the PostgreSQL server from Debian (apt-get)…');
  aptInstall(['postgresql']);
}
