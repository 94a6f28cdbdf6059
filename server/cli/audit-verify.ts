import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/index.ts';
import { AuditKeyError, loadAuditKey } from '../platform/audit/key.ts';
import { verifyAuditChains } from '../platform/audit/verify.ts';

/**
 * `npm run audit:verify`: walks every audit chain and checks it with the HMAC key.
 * Exit 0: intact. Exit 1: broken (names the first broken entry). Exit 2: could not check
 * (configuration, key or database). Read-only: it never migrates, creates a key or a database.
 * On PGlite, stop the server first (one process at a time may open the data directory).
 */
class UsageError extends Error {}

async function run(): Promise<number> {
  const config = loadConfig();
  const key = loadAuditKey({
    key: config.audit.key,
    keyFile: config.audit.keyFile,
    dataDir: config.dataDir,
    production: config.env === 'production',
    create: false,
  });
  // Opening an empty directory would create a new PGlite database there: check first.
  if (
    config.database.kind === 'pglite' &&
    !existsSync(join(config.database.dataDir, 'PG_VERSION'))
  ) {
    throw new UsageError(`there is no database at ${config.database.dataDir}`);
  }
  let database: Database | undefined;
  try {
    database = await openDatabase(config.database);
    const db = database.db;
    const exists = await sql<{ found: boolean }>`
      select to_regclass('audit_log') is not null as found`.execute(db);
    if (!exists.rows[0]?.found) {
      throw new UsageError('the database has no audit trail yet; run `npm run migrate` first');
    }
    const result = await verifyAuditChains(db, key);
    const broken = result.firstBroken;
    if (result.ok || !broken) {
      console.log(`Audit trail intact: ${result.entries} entries in ${result.chains} chains.`);
      return 0;
    }
    console.error(
      `Audit trail BROKEN in chain ${broken.chainKey} at entry seq ${broken.seq} ` +
        `(id ${broken.id}): ${broken.reason}`,
    );
    return 1;
  } finally {
    await database?.close();
  }
}

try {
  process.exitCode = await run();
} catch (error) {
  // Configuration, key and database problems: the trail could not be checked (not: is broken).
  // Messages name variables, paths and database errors, never key text or audit contents.
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    error instanceof ConfigError || error instanceof AuditKeyError || error instanceof UsageError
      ? ''
      : ' (database error)';
  console.error(`Cannot verify the audit trail${kind}: ${message}`);
  process.exitCode = 2;
}
