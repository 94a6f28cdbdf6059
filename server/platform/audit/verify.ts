import { sql, type Kysely, type Transaction } from 'kysely';
import { computeHash, GENESIS_HASH } from './chain.ts';
import { anchorSignatureValid, chainAnchors } from './prune.ts';
import type { AuditAction, AuditTables } from './tables.ts';

export interface BrokenEntry {
  chainKey: string;
  /** seq and id of the first entry where the chain fails a check (0 when the chain has none). */
  seq: number;
  id: number;
  /** Short English text for developers and operators; no personal data. */
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  /** Entries checked (all of them when ok). */
  entries: number;
  firstBroken?: BrokenEntry;
}

interface Row {
  id: number;
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  municipality_code: string | null;
  action: AuditAction;
  resource_type: string;
  resource_id: string | null;
  subject_person_id: string | null;
  purpose: string | null;
  legal_basis: string | null;
  request_id: string | null;
  break_glass: boolean;
  details: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * Walks every chain in seq order and checks that seq runs 1, 2, 3, … without gaps or
 * duplicates, that each prev_hash is the previous entry's hash, that each hash recomputes with
 * the key, and that the chain's head names the last entry (which detects entries removed at the
 * end). Stops at the first broken entry. Reads a page at a time (keyset on seq, id), so memory
 * stays flat however long the trail; runs in one read-only repeatable-read transaction, so it
 * sees one consistent snapshot while the application keeps writing, and changes nothing.
 */
export async function verifyAuditChains<T extends AuditTables>(
  db: Kysely<T>,
  key: Buffer,
  options: {
    pageSize?: number;
    /** Check only these chains (e.g. one municipality's); default every chain. */
    chainKeys?: string[];
  } = {},
): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 5_000;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const heads = await sql<{ chain_key: string; last_seq: number; last_hash: string }>`
        select chain_key, last_seq, last_hash from audit_chain_heads`.execute(trx);
      const headByKey = new Map(heads.rows.map((h) => [h.chain_key, h]));
      // Distinct chain keys through the (chain_key, seq) index: one probe per chain.
      const logged = await sql<{ chain_key: string }>`
        with recursive keys (chain_key) as (
          select min(chain_key) from audit_log
          union all
          select (select min(chain_key) from audit_log l where l.chain_key > keys.chain_key)
            from keys where keys.chain_key is not null
        )
        select chain_key from keys where chain_key is not null`.execute(trx);
      const only = options.chainKeys && new Set(options.chainKeys);
      const chainKeys = [...new Set([...headByKey.keys(), ...logged.rows.map((r) => r.chain_key)])]
        .filter((k) => !only || only.has(k))
        .sort();

      let entries = 0;
      for (const chainKey of chainKeys) {
        const chain = await verifyChain(trx, key, chainKey, pageSize);
        entries += chain.entries;
        const broken = chain.broken ?? checkHead(chainKey, chain, headByKey.get(chainKey));
        if (broken) return { ok: false, chains: chainKeys.length, entries, firstBroken: broken };
      }
      return { ok: true, chains: chainKeys.length, entries };
    });
}

interface ChainWalk {
  entries: number;
  last: { seq: number; id: number; hash: string };
  broken?: BrokenEntry;
}

async function verifyChain<T>(
  trx: Transaction<T>,
  key: Buffer,
  chainKey: string,
  pageSize: number,
): Promise<ChainWalk> {
  const walk: ChainWalk = { entries: 0, last: { seq: 0, id: 0, hash: GENESIS_HASH } };
  // A pruned chain starts from its signed anchors (prune.ts): each must be signed with the key
  // and follow the previous one without a gap; the first entry left continues the last anchor.
  for (const anchor of await chainAnchors(trx, chainKey)) {
    const at = { chainKey, seq: anchor.fromSeq, id: 0 };
    if (anchor.fromSeq !== walk.last.seq + 1) {
      return { ...walk, broken: { ...at, reason: 'anchors do not follow each other (gap)' } };
    }
    if (!anchorSignatureValid(key, anchor, anchor.signature)) {
      return { ...walk, broken: { ...at, reason: 'anchor signature does not verify' } };
    }
    walk.last = { seq: anchor.toSeq, id: 0, hash: anchor.lastHash };
  }
  for (;;) {
    const page = await sql<Row>`
      select id, seq, occurred_at, actor_user_id, actor_role, actor_unit_id, municipality_code,
             action, resource_type, resource_id, subject_person_id, purpose, legal_basis,
             request_id, break_glass, details, prev_hash, hash
        from audit_log
       where chain_key = ${chainKey} and (seq, id) > (${walk.last.seq}, ${walk.last.id})
       order by seq, id
       limit ${pageSize}`.execute(trx);
    for (const row of page.rows) {
      const reason = checkEntry(key, chainKey, row, walk.last);
      if (reason) return { ...walk, broken: { chainKey, seq: row.seq, id: row.id, reason } };
      walk.entries += 1;
      walk.last = { seq: row.seq, id: row.id, hash: row.hash };
    }
    if (page.rows.length < pageSize) return walk;
  }
}

function checkEntry(
  key: Buffer,
  chainKey: string,
  row: Row,
  previous: ChainWalk['last'],
): string | undefined {
  const expected = previous.seq + 1;
  if (row.seq < expected) return `sequence duplicate (entry inserted): seq ${row.seq} again`;
  if (row.seq > expected) return `sequence gap (entry deleted): expected seq ${expected}`;
  if (row.prev_hash !== previous.hash) return 'prev_hash mismatch (entry inserted or reordered)';
  const hash = computeHash(key, row.prev_hash, {
    chainKey,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorUnitId: row.actor_unit_id,
    municipalityCode: row.municipality_code,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    subjectPersonId: row.subject_person_id,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    requestId: row.request_id,
    breakGlass: row.break_glass,
    details: row.details,
  });
  if (hash !== row.hash) return 'hash mismatch (entry was changed)';
  return undefined;
}

/** The head must name the last entry: otherwise entries were removed at the end (or added). */
function checkHead(
  chainKey: string,
  chain: ChainWalk,
  head: { last_seq: number; last_hash: string } | undefined,
): BrokenEntry | undefined {
  const at = { chainKey, seq: chain.last.seq, id: chain.last.id };
  if (!head) return { ...at, reason: 'chain has no head row (head deleted)' };
  if (head.last_seq === chain.last.seq && head.last_hash === chain.last.hash) return undefined;
  if (head.last_seq > chain.last.seq) {
    return {
      ...at,
      reason: `head does not match last entry (entries deleted at the end): head expects seq ${head.last_seq}`,
    };
  }
  return { ...at, reason: 'head does not match last entry (head was changed)' };
}
