import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../audit/write.ts';
import { freshDatabase, testEngine, type TestDatabase } from '../../test/database.ts';

/**
 * The production grants in db/roles/app-role.sql, applied to a real PostgreSQL role: the
 * application role appends audit entries but cannot change, delete, truncate or un-guard them.
 * (PGlite has a single user, so this runs on PostgreSQL only.)
 */
const key = Buffer.alloc(32, 3);
const role = `tovholder_app_${randomBytes(4).toString('hex')}`;
let database: TestDatabase;

describe.runIf(testEngine === 'postgres')('the application role on PostgreSQL', () => {
  beforeAll(async () => {
    database = await freshDatabase();
    const grants = readFileSync(new URL('../../../db/roles/app-role.sql', import.meta.url), 'utf8');
    await sql.raw(`create role ${role} nologin`).execute(database.db);
    await sql.raw(grants.replaceAll('tovholder_app', role)).execute(database.db);
  });
  afterAll(async () => {
    // Roles are cluster-wide: revoke this database's grants, then drop the role.
    await sql.raw(`drop owned by ${role}`).execute(database.db);
    await sql.raw(`drop role ${role}`).execute(database.db);
    await database.close();
  });

  /** Runs statements as the application role inside a transaction that is rolled back. */
  async function asApp(statement: string) {
    return database.db.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${role}`).execute(trx);
      return sql.raw(statement).execute(trx);
    });
  }

  it('appends audit entries and works with ordinary tables', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${role}`).execute(trx);
      await writeAudit(trx, key, {
        municipalityCode: '101',
        actorUserId: null,
        actorRole: null,
        action: 'read',
        resourceType: 'case',
      });
    });
    await expect(asApp('select count(*) from cases')).resolves.toBeDefined();
    await expect(asApp('select count(*) from audit_log')).resolves.toBeDefined();
  });

  it.each([
    'update audit_log set purpose = $$x$$',
    'delete from audit_log',
    'truncate audit_log',
    'alter table audit_log disable trigger audit_log_no_update_delete',
    'delete from audit_chain_heads',
    'delete from audit_anchors',
    'update audit_anchors set signature = $$x$$',
    'insert into schema_migrations (name, checksum) values ($$9999_x.sql$$, $$x$$)',
  ])('refuses: %s', async (statement) => {
    await expect(asApp(statement)).rejects.toThrow(/permission denied|must be owner/);
  });
});
