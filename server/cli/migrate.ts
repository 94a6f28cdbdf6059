import { ConfigError, loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/index.ts';
import { migrate } from '../platform/db/migrate.ts';

/** `npm run migrate`: apply pending migrations to the configured database and exit. */
try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const { applied } = await migrate(database.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
