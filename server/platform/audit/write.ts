import { sql, type ControlledTransaction, type Transaction } from 'kysely';
import { computeHash, GENESIS_HASH, type ChainEntry } from './chain.ts';
import type { AuditAction, AuditTables } from './tables.ts';

export type { AuditAction } from './tables.ts';

/** One thing that happened, as the caller describes it. Ids and codes only, never names. */
export interface AuditEvent {
  /** The tenant; null for system administration and logins before the tenant is known. */
  municipalityCode: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  actorUnitId?: string | null;
  action: AuditAction;
  /** What kind of record, e.g. 'person', 'inquiry', 'user'. */
  resourceType: string;
  resourceId?: string | null;
  /** Whose personal data this is (for the citizen's access report). */
  subjectPersonId?: string | null;
  purpose?: string | null;
  legalBasis?: string | null;
  requestId?: string | null;
  breakGlass?: boolean;
  /** Extra facts as ids, codes and counts. Never personal data. */
  details?: Record<string, string | number | boolean | null>;
}

/** The chain of entries without a municipality. */
export const GLOBAL_CHAIN = 'global';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MUNICIPALITY_CODE = /^[0-9]{3}$/;
/** Rows per INSERT statement: 18 parameters each stays far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 500;

/**
 * Appends events to the audit trail inside the caller's transaction, so the entry and the action
 * it records commit or roll back together: if this throws, the caller must let the transaction
 * fail (never catch and continue; on PostgreSQL the transaction is aborted anyway).
 *
 * Each municipality has its own chain (entries without one go to 'global'). Only the head rows
 * of the chains touched are locked (`for update`), in chain-key order so two writers cannot
 * deadlock, and held until the transaction ends: municipalities never wait for each other. Call
 * it once per transaction, near its end, so the head lock is held briefly and every chain is
 * locked in one ordered step.
 *
 * Round trips: one statement when the chain's head is where this process left it (the usual
 * case: it moves the head from exactly that seq and hash and adds the entries), else two (lock
 * and read the heads, then move them and add the entries), plus one per further 500 entries.
 *
 * Generic over the database type because Kysely's type is invariant in it: any transaction
 * (`db.transaction()` or `db.startTransaction()`) whose DB includes the audit tables is accepted.
 */
export async function writeAudit<T extends AuditTables>(
  trx: Transaction<T> | ControlledTransaction<T, string[]>,
  key: Buffer,
  events: AuditEvent | AuditEvent[],
): Promise<void> {
  if (!trx.isTransaction) {
    throw new Error('writeAudit must run in the transaction of the action it records');
  }
  const list = (Array.isArray(events) ? events : [events]).map(normalise);
  if (list.length === 0) return;
  const chainKeys = [...new Set(list.map((e) => e.chainKey))].sort();

  // One chain and one statement's worth of entries: try the head this process wrote last. The
  // write moves the head only if it is still exactly that one (seq and hash), waiting for a
  // writer that holds it, and adds the entries only if it moved; else nothing is written.
  const only = chainKeys.length === 1 ? chainKeys[0] : undefined;
  const guess = only === undefined ? undefined : lastWritten.get(only);
  if (only !== undefined && guess && list.length <= ROWS_PER_INSERT) {
    if (await append(trx, key, list, new Map([[only, { ...guess }]]))) return;
  }
  const heads = await lockHeads(trx, chainKeys);
  if (!(await append(trx, key, list, heads))) {
    throw new Error('audit chain heads could not be moved');
  }
}

interface Head {
  seq: number;
  hash: string;
}

/**
 * The head of each chain as this process last moved it: a guess, checked by the write that uses
 * it (a rolled-back write, another process or another database makes it miss, never wrong).
 */
const lastWritten = new Map<string, Head>();

/** Locks the heads of the chains, in chain-key order, creating the heads of new chains. */
async function lockHeads<T extends AuditTables>(
  trx: Transaction<T> | ControlledTransaction<T, string[]>,
  chainKeys: string[],
): Promise<Map<string, Head>> {
  const lock = async () => {
    const locked = await sql<{ chain_key: string; last_seq: number; last_hash: string }>`
      select chain_key, last_seq, last_hash from audit_chain_heads
       where chain_key in (${sql.join(chainKeys)})
       order by chain_key
         for update`.execute(trx);
    return new Map(locked.rows.map((r) => [r.chain_key, { seq: r.last_seq, hash: r.last_hash }]));
  };
  let heads = await lock();
  if (heads.size < chainKeys.length) {
    const missing = chainKeys.filter((k) => !heads.has(k));
    await sql`insert into audit_chain_heads (chain_key, last_seq, last_hash)
      values ${sql.join(missing.map((k) => sql`(${k}, 0, ${GENESIS_HASH})`))}
      on conflict (chain_key) do nothing`.execute(trx);
    heads = await lock();
  }
  if (heads.size !== chainKeys.length) throw new Error('audit chain heads could not be locked');
  return heads;
}

/**
 * Hashes the entries onto the heads given and writes them: the last INSERT and the move of the
 * heads are one statement, which moves a head only from the seq and hash the entries were hashed
 * onto and adds its entries only if every head moved. False when a head was elsewhere (nothing
 * written); the caller's locked heads always move.
 */
async function append<T extends AuditTables>(
  trx: Transaction<T> | ControlledTransaction<T, string[]>,
  key: Buffer,
  list: Omit<ChainEntry, 'seq' | 'occurredAt'>[],
  heads: Map<string, Head>,
): Promise<boolean> {
  const from = new Map([...heads].map(([k, head]) => [k, { ...head }]));
  // Taken after the lock (or the guess), so time does not go backwards along a chain within one
  // process. Whole milliseconds: the database gives back exactly this value, and the hash
  // depends on it.
  const occurredAt = new Date(Date.now());
  const rows = list.map((event) => {
    const head = heads.get(event.chainKey);
    if (!head) throw new Error('audit chain heads could not be locked');
    const entry: ChainEntry = { ...event, seq: head.seq + 1, occurredAt };
    const hash = computeHash(key, head.hash, entry);
    const row = sql`(
      ${entry.chainKey}::text, ${entry.seq}::bigint, ${occurredAt.toISOString()}::timestamptz,
      ${entry.actorUserId}::uuid, ${entry.actorRole}::text, ${entry.actorUnitId}::uuid,
      ${entry.municipalityCode}::text, ${entry.action}::text, ${entry.resourceType}::text,
      ${entry.resourceId}::text, ${entry.subjectPersonId}::uuid, ${entry.purpose}::text,
      ${entry.legalBasis}::text, ${entry.requestId}::text, ${entry.breakGlass}::boolean,
      ${JSON.stringify(entry.details)}::jsonb, ${head.hash}::text, ${hash}::text)`;
    head.seq = entry.seq;
    head.hash = hash;
    return row;
  });

  const columns = sql`chain_key, seq, occurred_at, actor_user_id, actor_role, actor_unit_id,
    municipality_code, action, resource_type, resource_id, subject_person_id, purpose,
    legal_basis, request_id, break_glass, details, prev_hash, hash`;
  const lastChunk = Math.floor((rows.length - 1) / ROWS_PER_INSERT) * ROWS_PER_INSERT;
  for (let i = 0; i < lastChunk; i += ROWS_PER_INSERT) {
    await sql`insert into audit_log (${columns})
      values ${sql.join(rows.slice(i, i + ROWS_PER_INSERT))}`.execute(trx);
  }
  const moves = [...heads].map(([k, head]) => {
    const old = from.get(k);
    return sql`(${k}::text, ${head.seq}::bigint, ${head.hash}::text, ${old?.seq}::bigint,
      ${old?.hash}::text)`;
  });
  const result = await sql<{ moved: number }>`
    with moved as (
      update audit_chain_heads h
         set last_seq = v.last_seq, last_hash = v.last_hash, updated_at = now()
        from (values ${sql.join(moves)}) as v (chain_key, last_seq, last_hash, from_seq, from_hash)
       where h.chain_key = v.chain_key and h.last_seq = v.from_seq and h.last_hash = v.from_hash
      returning h.chain_key),
    added as (
      insert into audit_log (${columns})
      select * from (values ${sql.join(rows.slice(lastChunk))}) as e
       where (select count(*) from moved) = ${heads.size}
      returning 1)
    select (select count(*) from moved)::int as moved`.execute(trx);
  if (result.rows[0]?.moved !== heads.size) return false;
  for (const [k, head] of heads) lastWritten.set(k, head);
  return true;
}

/**
 * The stored form of an event: optional fields as null, UUIDs in lower case (PostgreSQL gives
 * them back that way, and the hash must match what is read back). Error messages name the
 * field, never its value.
 */
function normalise(event: AuditEvent): Omit<ChainEntry, 'seq' | 'occurredAt'> {
  const code = event.municipalityCode;
  if (code !== null && !MUNICIPALITY_CODE.test(code)) {
    throw new Error('audit event: municipalityCode must be three digits');
  }
  return {
    chainKey: code ?? GLOBAL_CHAIN,
    actorUserId: uuid(event.actorUserId, 'actorUserId'),
    actorRole: text(event.actorRole, 'actorRole'),
    actorUnitId: uuid(event.actorUnitId, 'actorUnitId'),
    municipalityCode: code,
    action: event.action,
    resourceType: text(event.resourceType, 'resourceType'),
    resourceId: text(event.resourceId ?? null, 'resourceId'),
    subjectPersonId: uuid(event.subjectPersonId, 'subjectPersonId'),
    purpose: text(event.purpose ?? null, 'purpose'),
    legalBasis: text(event.legalBasis ?? null, 'legalBasis'),
    requestId: text(event.requestId ?? null, 'requestId'),
    breakGlass: event.breakGlass ?? false,
    details: details(event.details),
  };
}

function uuid(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!UUID.test(value)) throw new Error(`audit event: ${field} must be a UUID`);
  return value.toLowerCase();
}

/** A lone UTF-16 surrogate would be stored as U+FFFD and no longer match its hash. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function text<V extends string | null | undefined>(value: V, field: string): V {
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new Error(`audit event: ${field} is not well-formed text`);
  }
  return value;
}

function details(value: AuditEvent['details']): NonNullable<AuditEvent['details']> {
  for (const [k, v] of Object.entries(value ?? {})) {
    text(k, 'details');
    if (typeof v === 'string') text(v, 'details');
  }
  return value ?? {};
}
