import { createHmac } from 'node:crypto';
import type { AuditAction } from './tables.ts';

/**
 * The hash chain. Each entry's hash is HMAC-SHA256(key, prevHash + '\n' + canonical(entry)), so
 * changing, removing, inserting or reordering an entry breaks the chain from that entry on, and
 * without the key (which lives outside the database) nobody can forge a consistent chain.
 */

/** prev_hash of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit entry as it is hashed: exactly the stored columns except id, prev_hash and hash. */
export interface ChainEntry {
  chainKey: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  municipalityCode: string | null;
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  subjectPersonId: string | null;
  purpose: string | null;
  legalBasis: string | null;
  requestId: string | null;
  breakGlass: boolean;
  /** Any JSON value; serialised with sorted keys. */
  details: unknown;
}

/** Format version, hashed with every entry: a future format change cannot collide with this one. */
const FORMAT = 'tovholder-audit-v1';

/**
 * Deterministic text of an entry: a JSON array in a fixed field order. Timestamps are ISO 8601
 * in UTC with milliseconds (what the database gives back for a value written with millisecond
 * precision), and details are serialised with sorted keys (jsonb does not keep key order).
 */
export function canonicalEntry(entry: ChainEntry): string {
  return canonicalJson([
    FORMAT,
    entry.chainKey,
    entry.seq,
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.actorRole,
    entry.actorUnitId,
    entry.municipalityCode,
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.subjectPersonId,
    entry.purpose,
    entry.legalBasis,
    entry.requestId,
    entry.breakGlass,
    entry.details,
  ]);
}

export function computeHash(key: Buffer, prevHash: string, entry: ChainEntry): string {
  return createHmac('sha256', key)
    .update(prevHash + '\n' + canonicalEntry(entry))
    .digest('hex');
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level. Object members whose
 * value is undefined are left out, as JSON.stringify (and so the jsonb column) leaves them out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v)).join(',') + ']';
  if (typeof value === 'object' && !(value instanceof Date)) {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v));
    return '{' + members.join(',') + '}';
  }
  return JSON.stringify(value) ?? 'null';
}
