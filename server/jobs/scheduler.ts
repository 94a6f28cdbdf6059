import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { sendOutbox, type Mailer } from '../platform/mail.ts';
import { runCaseWorkJob } from './case-work.ts';
import { runDeadlineJob } from './deadlines.ts';
import { runRetentionJob } from '../modules/retention/job.ts';

/** The part of a pino logger the jobs use. */
export interface JobLog {
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobsOptions {
  db: Kysely<DB>;
  /** Null when no SMTP server is configured: e-mails stay in the outbox. */
  mailer: Mailer | null;
  /** The app's address, for links in e-mails (TOVHOLDER_PUBLIC_URL). */
  publicUrl: string;
  intervalSeconds: number;
  log: JobLog;
  /** The audit key: the retention job writes its deletions to the audit trail (daily). */
  auditKey?: Buffer;
}

/** The retention job runs at most once a day per process (docs/OPERATIONS.md). */
const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export interface JobsHandle {
  /** No new run starts; resolves when the running one (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * The background jobs of one app process: the deadline job, the case-work job, then the e-mail
 * outbox, right away and then every `intervalSeconds` after the previous run finished. Several processes may run
 * them at once; the jobs claim their rows with `for update skip locked`. Logs hold counts only.
 */
export function startJobs(options: JobsOptions): JobsHandle {
  const { db, mailer, publicUrl, log, auditKey } = options;
  let retentionRanAt = 0;
  return startLoop(
    async () => {
      if (auditKey && Date.now() - retentionRanAt >= RETENTION_EVERY_MS) {
        retentionRanAt = Date.now();
        const retention = await runRetentionJob(db, auditKey, new Date(), (failure) =>
          log.error(failure, 'retention: a record could not be deleted'),
        );
        log.info(retention, 'retention job ran');
      }
      const deadlines = await runDeadlineJob(db);
      const caseWork = await runCaseWorkJob(db);
      const mail = mailer
        ? await sendOutbox(db, mailer, { publicUrl })
        : { sent: 0, failed: 0, skipped: 0 };
      const counts = { ...deadlines, ...caseWork, mail };
      const busy =
        deadlines.reminders +
        deadlines.overdue +
        caseWork.offersDue +
        caseWork.followUpsOverdue +
        caseWork.reviewsDue +
        caseWork.partnerAccessExpired +
        caseWork.consentsExpired +
        mail.sent +
        mail.failed +
        mail.skipped;
      if (busy > 0) log.info(counts, 'background jobs ran');
      else log.debug(counts, 'background jobs ran');
    },
    options.intervalSeconds * 1000,
    (error) => log.error({ err: error }, 'background job failed'),
  );
}

/**
 * Runs `task` now and then `intervalMs` after each run has finished, so runs never overlap. A
 * failing run is reported and the loop goes on.
 */
export function startLoop(
  task: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): JobsHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = () => {
    timer = undefined;
    running = (async () => {
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    })().finally(() => {
      running = undefined;
      if (!stopped) schedule(intervalMs);
    });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(run, ms);
    // The jobs alone never keep the process alive.
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
