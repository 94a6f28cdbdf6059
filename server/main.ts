import { join } from 'node:path';
import { buildApp } from './app.ts';
import { loadKey } from './platform/keys.ts';
import { loadAuditKey } from './platform/audit/key.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openDatabase } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { createLogger } from './platform/logger.ts';
import { seedDemo } from './demo/seed.ts';
import { printDemoBanner } from './demo/banner.ts';
import { startJobs, type JobsHandle } from './jobs/scheduler.ts';
import { createMailer } from './platform/mail.ts';

/**
 * Process entry: config → database → migrations → demo data → HTTP → background jobs.
 * SIGTERM/SIGINT stop accepting requests, let in-flight ones and the running job finish, then
 * close the database so PGlite's files are flushed.
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  log.info({ engine: database.engine }, 'database opened');
  const { applied } = await migrate(database.db);
  log.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');

  const production = config.env === 'production';
  const keys = {
    audit: loadAuditKey({ ...config.audit, dataDir: config.dataDir, production }),
    secret: loadKey({
      ...config.secretKey,
      variable: 'TOVHOLDER_SECRET_KEY',
      fileVariable: 'TOVHOLDER_SECRET_KEY_FILE',
      dataDir: config.dataDir,
      fileName: 'secret.key',
      production,
    }),
  };
  let demoCreated = false;
  if (config.demo) {
    demoCreated = (await seedDemo(database.db, { secretKey: keys.secret, auditKey: keys.audit }))
      .created;
  }

  const archiveDir = join(config.dataDir, 'archive');
  const app = await buildApp(config, database, { keys, archiveDir });
  const mailer = config.mail.smtpUrl
    ? createMailer({ url: config.mail.smtpUrl, from: config.mail.from })
    : null;
  let jobs: JobsHandle | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      // The background jobs finish their run before the database closes.
      await Promise.all([app.close(), jobs?.stop()]);
      mailer?.close();
      await database.close();
      log.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (!mailer) log.info('TOVHOLDER_SMTP_URL is not set: no e-mail is sent, the outbox keeps them');
  if (!stopping) {
    jobs = startJobs({
      db: database.db,
      mailer,
      publicUrl: config.publicUrl,
      intervalSeconds: config.jobs.intervalSeconds,
      log,
      auditKey: keys.audit,
    });
  }
  const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  if (config.demo) await printDemoBanner(database.db, address, demoCreated);
  else console.log(`Tovholder is running on ${address}`);
}

main().catch((error: unknown) => {
  console.error('Tovholder could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
