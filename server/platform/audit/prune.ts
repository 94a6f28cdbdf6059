import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { canonicalJson } from './chain.ts';

/**
 * Pruning the audit trail after its retention period (docs/SECURITY.md, "Bevaring og sletning").
 * The oldest entries of a chain are removed only together with a signed anchor: the segment's
 * first and last seq, its count and the hash of its last entry, HMAC-signed with the audit key
 * (kept outside the database). Verification starts the chain from the anchors: the first anchor
 * begins at seq 1, each next one right after the previous, and the first entry left must carry
 * the last anchor's hash as its prev_hash. So the remaining chain still verifies, a removal in the
 * middle still breaks it, and nobody without the key can make an anchor that hides one. The
 * database itself refuses to delete an entry no anchor covers (0039's trigger).
 */
export interface Anchor {
  chainKey: string;
  fromSeq: number;
  toSeq: number;
  entryCount: number;
  lastHash: string;
  prunedBefore: Date;
}

const ANCHOR_FORMAT = 'tovholder-audit-anchor-v1';

export function signAnchor(key: Buffer, anchor: Anchor): string {
  return createHmac('sha256', key)
    .update(
      canonicalJson([
        ANCHOR_FORMAT,
        anchor.chainKey,
        anchor.fromSeq,
        anchor.toSeq,
        anchor.entryCount,
        anchor.lastHash,
        anchor.prunedBefore.toISOString(),
      ]),
    )
    .digest('hex');
}

export function anchorSignatureValid(key: Buffer, anchor: Anchor, signature: string): boolean {
  const expected = Buffer.from(signAnchor(key, anchor), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The anchors of a chain in order (verification and pruning). */
export async function chainAnchors<T>(
  trx: Kysely<T> | Transaction<T>,
  chainKey: string,
): Promise<(Anchor & { signature: string })[]> {
  const rows = await sql<{
    from_seq: string | number;
    to_seq: string | number;
    entry_count: string | number;
    last_hash: string;
    pruned_before: Date;
    signature: string;
  }>`select from_seq, to_seq, entry_count, last_hash, pruned_before, signature
       from audit_anchors where chain_key = ${chainKey} order by to_seq`.execute(trx);
  return rows.rows.map((r) => ({
    chainKey,
    fromSeq: Number(r.from_seq),
    toSeq: Number(r.to_seq),
    entryCount: Number(r.entry_count),
    lastHash: r.last_hash,
    prunedBefore: new Date(r.pruned_before),
    signature: r.signature,
  }));
}

/**
 * Removes the chain's entries that occurred before `before`, in seq order, behind one new signed
 * anchor, in the caller's transaction. The newest entry of a chain always stays (the head must
 * keep naming an entry that is there), nor `keepFromSeq` and later (the chain is pruned as one
 * contiguous segment, so a kept entry keeps everything after it). Returns the number removed.
 */
export async function pruneAuditChain(
  trx: Transaction<DB>,
  key: Buffer,
  chainKey: string,
  before: Date,
  /** Keep this entry and every later one even if older than `before` (retention's legal hold). */
  keepFromSeq?: number,
): Promise<number> {
  // One pruner per chain at a time: the head row is the chain's lock.
  const head = await trx
    .selectFrom('audit_chain_heads')
    .select(['last_seq'])
    .where('chain_key', '=', chainKey)
    .forUpdate()
    .executeTakeFirst();
  if (!head) return 0;
  const anchors = await chainAnchors(trx, chainKey);
  const fromSeq = (anchors.at(-1)?.toSeq ?? 0) + 1;
  // The last entry before the cutoff that leaves no newer-but-older gap: entries are written in
  // seq order with their time, so the cutoff's seq is the first entry at or after it, minus one.
  const firstKept = await trx
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min<string | number>('seq').as('seq'))
    .where('chain_key', '=', chainKey)
    .where('occurred_at', '>=', before)
    .executeTakeFirst();
  const limit = Number(head.last_seq) - 1;
  const toSeq = Math.min(
    firstKept?.seq === null || firstKept?.seq === undefined ? limit : Number(firstKept.seq) - 1,
    limit,
  );
  const bound = keepFromSeq === undefined ? toSeq : Math.min(toSeq, keepFromSeq - 1);
  if (bound < fromSeq) return 0;
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .where('chain_key', '=', chainKey)
    .where('seq', '=', bound)
    .executeTakeFirstOrThrow();
  const anchor: Anchor = {
    chainKey,
    fromSeq,
    toSeq: bound,
    entryCount: bound - fromSeq + 1,
    lastHash: last.hash,
    prunedBefore: before,
  };
  await trx
    .insertInto('audit_anchors')
    .values({
      chain_key: chainKey,
      from_seq: anchor.fromSeq,
      to_seq: anchor.toSeq,
      entry_count: anchor.entryCount,
      last_hash: anchor.lastHash,
      pruned_before: anchor.prunedBefore,
      signature: signAnchor(key, anchor),
    })
    .execute();
  const removed = await sql`delete from audit_log
     where chain_key = ${chainKey} and seq between ${fromSeq} and ${bound}`.execute(trx);
  return Number(removed.numAffectedRows ?? 0);
}
