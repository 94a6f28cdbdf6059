import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit/write.ts';
import type { DB } from '../../platform/db/schema.ts';
import { freshDatabase, testEngine, type TestDatabase } from '../../test/database.ts';
import { runRetentionJob } from './job.ts';

/**
 * The daily job under the production role (db/roles/app-role.sql), which may not delete audit
 * entries: with the audit trail's period confirmed, the pruning is skipped (docs/OPERATIONS.md)
 * and the job does not fail. PostgreSQL only (PGlite has a single user).
 */
const key = Buffer.alloc(32, 5);
const role = `tovholder_app_${randomBytes(4).toString('hex')}`;
let database: TestDatabase;
let asApp: Kysely<DB>;

describe.runIf(testEngine === 'postgres')('the retention job as the application role', () => {
  beforeAll(async () => {
    database = await freshDatabase();
    const grants = readFileSync(new URL('../../../db/roles/app-role.sql', import.meta.url), 'utf8');
    await sql.raw(`create role ${role} nologin`).execute(database.db);
    await sql.raw(grants.replaceAll('tovholder_app', role)).execute(database.db);
    asApp = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: database.url, max: 1, options: `-c role=${role}` }),
      }),
    });
  });
  afterAll(async () => {
    await asApp.destroy();
    await sql.raw(`drop owned by ${role}`).execute(database.db);
    await sql.raw(`drop role ${role}`).execute(database.db);
    await database.close();
  });

  it('skips pruning the audit trail where the role may not delete, and deletes nothing else', async () => {
    for (let i = 0; i < 3; i += 1) {
      await database.db.transaction().execute((trx) =>
        writeAudit(trx, key, {
          municipalityCode: '101',
          actorUserId: null,
          actorRole: null,
          action: 'read',
          resourceType: 'case',
        }),
      );
    }
    await database.db
      .insertInto('retention_periods')
      .values({
        municipality_code: '101',
        kind: 'audit_trail',
        months: 1,
        minimum_months: 1,
        confirmed: true,
      })
      .execute();
    const later = new Date(Date.now() + 365 * 86_400_000);
    await expect(runRetentionJob(asApp, key, later)).resolves.toEqual({
      deleted: 0,
      auditPruned: 0,
      failed: 0,
    });
    const left = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(3);
    expect(await database.db.selectFrom('audit_anchors').selectAll().execute()).toEqual([]);
  });
});
