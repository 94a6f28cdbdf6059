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

  // Create missing heads (a new chain), then lock the heads of the chains touched, in order.
  await sql`insert into audit_chain_heads (chain_key, last_seq, last_hash)
    values ${sql.join(chainKeys.map((k) => sql`(${k}, 0, ${GENESIS_HASH})`))}
    on conflict (chain_key) do nothing`.execute(trx);
  const locked = await sql<{ chain_key: string; last_seq: number; last_hash: string }>`
    select chain_key, last_seq, last_hash from audit_chain_heads
     where chain_key in (${sql.join(chainKeys)})
     order by chain_key
       for update`.execute(trx);
  const heads = new Map(
    locked.rows.map((r) => [r.chain_key, { seq: r.last_seq, hash: r.last_hash }]),
  );
  if (heads.size !== chainKeys.length) throw new Error('audit chain heads could not be locked');

  // Taken after the lock, so time does not go backwards along a chain within one process.
  // Whole milliseconds: the database gives back exactly this value, and the hash depends on it.
  const occurredAt = new Date(Date.now());
  const rows = list.map((event) => {
    const head = heads.get(event.chainKey);
    if (!head) throw new Error('audit chain heads could not be locked');
    const entry: ChainEntry = { ...event, seq: head.seq + 1, occurredAt };
    const hash = computeHash(key, head.hash, entry);
    const row = { entry, prevHash: head.hash, hash };
    head.seq = entry.seq;
    head.hash = hash;
    return row;
  });

  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows.slice(i, i + ROWS_PER_INSERT).map(
      ({ entry: e, prevHash, hash }) => sql`(
      ${e.chainKey}, ${e.seq}, ${e.occurredAt.toISOString()}::timestamptz,
      ${e.actorUserId}::uuid, ${e.actorRole}, ${e.actorUnitId}::uuid, ${e.municipalityCode},
      ${e.action}, ${e.resourceType}, ${e.resourceId}, ${e.subjectPersonId}::uuid, ${e.purpose},
      ${e.legalBasis}, ${e.requestId}, ${e.breakGlass}, ${JSON.stringify(e.details)}::jsonb,
      ${prevHash}, ${hash})`,
    );
    await sql`insert into audit_log (chain_key, seq, occurred_at, actor_user_id, actor_role,
        actor_unit_id, municipality_code, action, resource_type, resource_id, subject_person_id,
        purpose, legal_basis, request_id, break_glass, details, prev_hash, hash)
      values ${sql.join(values)}`.execute(trx);
  }

  const moved = [...heads].map(
    ([k, head]) => sql`(${k}::text, ${head.seq}::bigint, ${head.hash}::text)`,
  );
  await sql`update audit_chain_heads h
       set last_seq = v.last_seq, last_hash = v.last_hash, updated_at = now()
      from (values ${sql.join(moved)}) as v (chain_key, last_seq, last_hash)
     where h.chain_key = v.chain_key`.execute(trx);
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
