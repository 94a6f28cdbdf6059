import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabasePerTest, testEngine } from '../../test/database.ts';
import { GENESIS_HASH } from './chain.ts';
import type { AuditTables } from './tables.ts';
import { chainRows, event, writeEach } from './test-support.ts';
import { verifyAuditChains } from './verify.ts';
import { writeAudit, type AuditAction } from './write.ts';

const key = randomBytes(32);

const database = freshDatabasePerTest();

/** Type-level check (by `npm run typecheck`): the app's DB type, extending AuditTables, fits. */
interface AppDB extends AuditTables {
  app_settings: { key: string; value: string };
}
function _typeCheckOnly(db: Kysely<AppDB>, other: Kysely<{ t: { a: string } }>) {
  const e = event('101');
  void db.transaction().execute((trx) => writeAudit(trx, key, e));
  void verifyAuditChains(db, key);
  // @ts-expect-error a database without the audit tables is refused
  void other.transaction().execute((trx) => writeAudit(trx, key, e));
  // @ts-expect-error the root db is refused: the entry must share the action's transaction
  void writeAudit(db, key, e);
}

describe(`audit trail on ${testEngine}`, () => {
  it('numbers entries 1..n per chain and links each to the previous hash', async () => {
    const { db } = await database();
    await writeEach(db, key, [event('101'), event(null), event('101')]);
    await db.transaction().execute((trx) => writeAudit(trx, key, [event('101'), event('101')]));

    const rows = await chainRows(db, '101');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash));
    expect((await chainRows(db, 'global')).map((r) => r.seq)).toEqual([1]);
    const head = await db
      .selectFrom('audit_chain_heads')
      .select(['last_seq', 'last_hash'])
      .where('chain_key', '=', '101')
      .executeTakeFirstOrThrow();
    expect(head).toEqual({ last_seq: 4, last_hash: rows[3]?.hash });

    expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 2, entries: 5 });
    expect(await verifyAuditChains(db, key, { pageSize: 2 })).toEqual({
      ok: true,
      chains: 2,
      entries: 5,
    });
  });

  it('writes a batch larger than one INSERT statement in one call, across chains', async () => {
    const { db } = await database();
    const batch = Array.from({ length: 1_201 }, (_, i) => event(i % 3 === 0 ? '101' : '147'));
    await db.transaction().execute((trx) => writeAudit(trx, key, batch));
    expect((await chainRows(db, '101')).map((r) => r.seq)).toEqual(
      Array.from({ length: 401 }, (_, i) => i + 1),
    );
    expect(await verifyAuditChains(db, key, { pageSize: 100 })).toEqual({
      ok: true,
      chains: 2,
      entries: 1_201,
    });
  });

  it('stores what was written so that it verifies: upper-case UUIDs, unicode, odd details', async () => {
    const { db } = await database();
    const upper = randomUUID().toUpperCase();
    await writeEach(db, key, [
      event('147', {
        actorUserId: upper,
        actorUnitId: randomUUID(),
        purpose: 'Ærø – “samtale” 🙂',
        breakGlass: true,
        action: 'break_glass',
        details: { zeta: -0, alpha: 0.1, big: 1e21, empty: '', nothing: null, yes: false },
      }),
      event('147', { details: {}, actorUserId: null, actorRole: null, resourceId: null }),
    ]);
    const stored = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'occurred_at'])
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(stored.actor_user_id).toBe(upper.toLowerCase());
    expect(stored.occurred_at).toBeInstanceOf(Date);
    expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 1, entries: 2 });
  });

  it('keeps each chain contiguous under 2 municipalities × 20 concurrent transactions', async () => {
    const { db } = await database();
    await Promise.all(
      ['101', '147'].flatMap((code) =>
        Array.from({ length: 20 }, () =>
          db.transaction().execute((trx) => writeAudit(trx, key, event(code))),
        ),
      ),
    );
    const expected = Array.from({ length: 20 }, (_, i) => i + 1);
    expect((await chainRows(db, '101')).map((r) => r.seq)).toEqual(expected);
    expect((await chainRows(db, '147')).map((r) => r.seq)).toEqual(expected);
    expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 2, entries: 40 });
  });

  it.runIf(testEngine === 'postgres')(
    'locks only the chain written to: another municipality does not wait',
    async () => {
      const { db } = await database();
      await writeEach(db, key, [event('101'), event('147')]);
      const holder = await db.startTransaction().execute();
      try {
        await writeAudit(holder, key, event('101')); // holds the head of chain 101 until commit
        // Any wait for a lock fails these transactions at once instead of hanging the test.
        await db.transaction().execute(async (trx) => {
          await sql`set local lock_timeout = '2s'`.execute(trx);
          await writeAudit(trx, key, event('147'));
        });
        await expect(
          db.transaction().execute(async (trx) => {
            await sql`set local lock_timeout = '200ms'`.execute(trx);
            await writeAudit(trx, key, event('101'));
          }),
        ).rejects.toThrow(/lock timeout/);
      } finally {
        await holder.commit().execute();
      }
      expect((await chainRows(db, '147')).map((r) => r.seq)).toEqual([1, 2]);
      expect((await chainRows(db, '101')).map((r) => r.seq)).toEqual([1, 2]);
      expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 2, entries: 4 });
    },
  );

  it('writes in one statement where it left the head, and after a rollback finds the real head', async () => {
    const { db } = await database();
    let statements = 0;
    const counted = db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    await writeEach(counted, key, [event('101')]);
    statements = 0;
    await writeEach(counted, key, [event('101')]);
    expect(statements).toBe(1);

    // The rolled-back write moved the head only in its transaction: the next write misses the
    // guess, locks and reads the head (seq 2) and goes on from there.
    await expect(
      db.transaction().execute(async (trx) => {
        await writeAudit(trx, key, [event('101'), event('101')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    statements = 0;
    await writeEach(counted, key, [event('101')]);
    expect(statements).toBe(3);
    expect((await chainRows(db, '101')).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 1, entries: 3 });
  });

  it('refuses to write outside a transaction', async () => {
    const { db } = await database();
    // @ts-expect-error the type already refuses it; this proves the run-time check
    await expect(writeAudit(db, key, event('101'))).rejects.toThrow(/transaction/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries (append-only)', async () => {
    const { db } = await database();
    await writeEach(db, key, [event('101'), event('101')]);
    await expect(sql`update audit_log set purpose = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      /audit_log is append-only/,
    );
    await expect(sql`delete from audit_log where seq = 2`.execute(db)).rejects.toThrow(
      /audit_log is append-only/,
    );
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/audit_log is append-only/);
    // The chain head cannot be moved back or removed to hide entries at the end.
    await expect(
      sql`update audit_chain_heads set last_seq = 1 where chain_key = '101'`.execute(db),
    ).rejects.toThrow(/only move forward/);
    await expect(sql`delete from audit_chain_heads`.execute(db)).rejects.toThrow(
      /only move forward/,
    );
    await expect(sql`truncate audit_chain_heads`.execute(db)).rejects.toThrow(/only move forward/);
    expect(await verifyAuditChains(db, key)).toEqual({ ok: true, chains: 1, entries: 2 });
  });

  it('fails the whole transaction when the audit write fails', async () => {
    const { db } = await database();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('app_settings')
          .values({ key: 'audited_change', value: JSON.stringify({ on: true }) })
          .execute();
        await writeAudit(trx, key, event('101', { action: 'bogus' as AuditAction }));
      }),
    ).rejects.toThrow(/check constraint/);
    const settings = await db
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', 'audited_change')
      .execute();
    expect(settings).toEqual([]);
    const heads = await db.selectFrom('audit_chain_heads').select('chain_key').execute();
    expect(heads).toEqual([]);
  });
});
