/**
 * Benchmark of the foundation's endpoints: latency percentiles under load (autocannon, bounded in
 * time, loopback only) and SQL round trips per request. Runs on PGlite in a temp dir, or on the
 * PostgreSQL server in DATABASE_URL.
 *
 *   npm run bench:health                      # PGlite
 *   DATABASE_URL=postgres://… npm run bench:health
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/platform/db/index.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const endpoints = [
  '/healthz',
  '/api/meta',
  '/api/municipalities?limit=100',
  '/api/municipalities/101',
  '/api/police-districts',
  '/api/municipalities/999/units',
];

let queries = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'tovholder-bench-'));
const url = process.env.DATABASE_URL;
const database = await openDatabase(
  url ? { kind: 'postgres', url, poolMax: 10 } : { kind: 'pglite', dataDir },
  { onQuery: () => queries++ },
);
await migrate(database.db);
const keys = { audit: randomBytes(32), secret: randomBytes(32) };
await seedDemo(database.db, { secretKey: keys.secret, auditKey: keys.audit });
const app = await buildApp(
  {
    env: 'production',
    demo: true,
    bodyLimitBytes: 1_048_576,
    logLevel: 'warn',
    webDir: dataDir,
    session: { idleMinutes: 30, absoluteHours: 12 },
    trustProxy: false,
  },
  database,
  { keys },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

console.log(
  `engine=${database.engine} node=${process.version} duration=${DURATION_S}s connections=${CONNECTIONS}`,
);
console.log('endpoint'.padEnd(34), 'req/s'.padStart(8), 'p50 ms', 'p90 ms', 'p99 ms', 'SQL/req');
// Round trips first, on an idle server: the statements sent for exactly one request.
const roundTrips = new Map<string, number>();
for (const path of endpoints) {
  queries = 0;
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  await res.arrayBuffer();
  roundTrips.set(path, queries);
}
for (const path of endpoints) {
  const perRequest = roundTrips.get(path) ?? 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  const p = (n: number) => String(n).padStart(6);
  console.log(
    path.padEnd(34),
    String(Math.round(result.requests.average)).padStart(8),
    p(result.latency.p50),
    p(result.latency.p90),
    p(result.latency.p99),
    String(perRequest).padStart(7),
    result.non2xx ? `non-2xx=${result.non2xx}` : '',
  );
}
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
