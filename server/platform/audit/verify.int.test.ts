import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../db/index.ts';
import { migrate } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { freshDatabasePerTest, testEngine } from '../../test/database.ts';
import { migratedTemplate } from '../../test/pglite-template.ts';
import { event, writeEach } from './test-support.ts';
import { verifyAuditChains } from './verify.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const key = randomBytes(32);

const database = freshDatabasePerTest();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Tampering, as someone with direct database access would do it. Chain '101' stays intact and
 * is walked first; chain '147' (seq 1..6) is tampered with. Page size 2 walks across pages.
 */
describe(`audit:verify detects tampering on ${testEngine}`, () => {
  async function tamperable() {
    const { db } = await database();
    await writeEach(db, key, [event('101'), event('101')]);
    const six = Array.from({ length: 6 }, () => event('147'));
    await writeEach(db, key, six);
    expect((await verifyAuditChains(db, key)).ok).toBe(true);
    await sql`alter table audit_log disable trigger user`.execute(db);
    return db;
  }
  const seqOf = (seq: number) => sql`chain_key = '147' and seq = ${seq}`;

  it.each([
    {
      name: 'a changed field of a middle entry',
      tamper: (db: Kysely<DB>) =>
        sql`update audit_log set purpose = 'other' where ${seqOf(3)}`.execute(db),
      seq: 3,
      reason: 'hash mismatch (entry was changed)',
      entries: 4,
    },
    {
      name: 'a changed time of a middle entry',
      tamper: (db: Kysely<DB>) =>
        sql`update audit_log set occurred_at = occurred_at + interval '1 millisecond'
             where ${seqOf(4)}`.execute(db),
      seq: 4,
      reason: 'hash mismatch (entry was changed)',
      entries: 5,
    },
    {
      name: 'a deleted middle entry',
      tamper: (db: Kysely<DB>) => sql`delete from audit_log where ${seqOf(3)}`.execute(db),
      seq: 4,
      reason: 'sequence gap (entry deleted): expected seq 3',
      entries: 4,
    },
    {
      name: 'a deleted first entry',
      tamper: (db: Kysely<DB>) => sql`delete from audit_log where ${seqOf(1)}`.execute(db),
      seq: 2,
      reason: 'sequence gap (entry deleted): expected seq 1',
      entries: 2,
    },
    {
      name: 'a deleted last entry',
      tamper: (db: Kysely<DB>) => sql`delete from audit_log where ${seqOf(6)}`.execute(db),
      seq: 5,
      reason: 'head does not match last entry (entries deleted at the end): head expects seq 6',
      entries: 7,
    },
    {
      name: 'a forged entry inserted in the middle (later entries renumbered)',
      tamper: async (db: Kysely<DB>) => {
        await sql`update audit_log set seq = seq + 1000 where chain_key = '147' and seq >= 4`.execute(
          db,
        );
        await sql`update audit_log set seq = seq - 999 where chain_key = '147' and seq > 1000`.execute(
          db,
        );
        await sql`insert into audit_log (chain_key, seq, occurred_at, municipality_code, action,
                    resource_type, prev_hash, hash)
                  select '147', 4, now(), '147', 'read', 'person', hash, ${'f'.repeat(64)}
                    from audit_log where ${seqOf(3)}`.execute(db);
      },
      seq: 4,
      reason: 'hash mismatch (entry was changed)',
      entries: 5,
    },
    {
      name: 'a forged entry appended with the head moved on (needs no trigger bypass)',
      tamper: async (db: Kysely<DB>) => {
        await sql`alter table audit_log enable trigger user`.execute(db);
        await sql`insert into audit_log (chain_key, seq, occurred_at, municipality_code, action,
                    resource_type, prev_hash, hash)
                  select '147', 7, now(), '147', 'read', 'person', hash, ${'e'.repeat(64)}
                    from audit_log where ${seqOf(6)}`.execute(db);
        await sql`update audit_chain_heads set last_seq = 7, last_hash = ${'e'.repeat(64)}
                   where chain_key = '147'`.execute(db);
      },
      seq: 7,
      reason: 'hash mismatch (entry was changed)',
      entries: 8,
    },
    {
      name: 'two entries swapped (reordered)',
      tamper: async (db: Kysely<DB>) => {
        await sql`update audit_log set seq = 1003 where ${seqOf(3)}`.execute(db);
        await sql`update audit_log set seq = 3 where ${seqOf(4)}`.execute(db);
        await sql`update audit_log set seq = 4 where ${seqOf(1003)}`.execute(db);
      },
      seq: 3,
      reason: 'prev_hash mismatch (entry inserted or reordered)',
      entries: 4,
    },
  ])('finds $name', async ({ tamper, seq, reason, entries }) => {
    const db = await tamperable();
    await tamper(db);
    const ids = await sql<{ id: number }>`select id from audit_log where ${seqOf(seq)}`.execute(db);
    const result = await verifyAuditChains(db, key, { pageSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ chainKey: '147', seq, id: ids.rows[0]?.id, reason });
    // Chain '101' and the intact part of '147' were checked before the break.
    expect(result.entries).toBe(entries);
  });

  it('finds entries checked with a different key', async () => {
    const { db } = await database();
    await writeEach(db, key, [event('101')]);
    const result = await verifyAuditChains(db, randomBytes(32));
    expect(result.firstBroken).toMatchObject({ chainKey: '101', seq: 1 });
    expect(result.firstBroken?.reason).toBe('hash mismatch (entry was changed)');
  });
});

function runVerify(
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/audit-verify.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('npm run audit:verify', () => {
  it.runIf(testEngine === 'pglite')(
    'exits 0 on an intact trail, 1 naming the broken entry, 2 when it cannot check',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tovholder-audit-cli-'));
      dirs.push(dir);
      // The run's migrated template, written to disk (no initdb and migrations again).
      const template = migratedTemplate();
      const first = await openPGlite(
        join(dir, 'pglite'),
        template ? { loadDataDir: template } : {},
      );
      if (!template) await migrate(first.db);
      await writeEach(first.db, key, [event('101'), event('101'), event('101'), event(null)]);
      await first.close();
      const env = { TOVHOLDER_DATA_DIR: dir, TOVHOLDER_AUDIT_KEY: key.toString('base64') };

      const intact = await runVerify(env);
      expect(intact.err).toBe('');
      expect(intact.out.trim()).toBe('Audit trail intact: 4 entries in 2 chains.');
      expect(intact.code).toBe(0);

      const wrongKey = await runVerify({
        ...env,
        TOVHOLDER_AUDIT_KEY: randomBytes(32).toString('hex'),
      });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.err).toMatch(/BROKEN in chain 101 at entry seq 1 /);

      const second = await openPGlite(join(dir, 'pglite'));
      await sql`alter table audit_log disable trigger user`.execute(second.db);
      await sql`update audit_log set resource_type = 'unit' where chain_key = '101' and seq = 2`.execute(
        second.db,
      );
      const id = await sql<{ id: number }>`
        select id from audit_log where chain_key = '101' and seq = 2`.execute(second.db);
      await second.close();

      const broken = await runVerify(env);
      expect(broken.code).toBe(1);
      expect(broken.out).toBe('');
      expect(broken.err.trim()).toBe(
        `Audit trail BROKEN in chain 101 at entry seq 2 (id ${id.rows[0]?.id}): ` +
          'hash mismatch (entry was changed)',
      );

      const badKey = await runVerify({ ...env, TOVHOLDER_AUDIT_KEY: 'too-short' });
      expect(badKey.code).toBe(2);
      expect(badKey.err).toMatch(/TOVHOLDER_AUDIT_KEY: must be base64 or hex/);
      expect(badKey.err).not.toContain('too-short');

      const noDatabase = await runVerify({ ...env, TOVHOLDER_DATA_DIR: join(dir, 'nothing') });
      expect(noDatabase.code).toBe(2);
      expect(noDatabase.err).toMatch(/there is no database at/);
    },
    // A hang guard, not a speed limit: five CLI processes, each killed after 180 s. On a loaded
    // 2-core CI machine they took over 120 s together (stop 22's fresh-clone run).
    900_000,
  );
});
