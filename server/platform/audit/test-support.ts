import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditTables } from './tables.ts';
import { writeAudit, type AuditEvent } from './write.ts';

/** Helpers shared by the audit integration tests (not used by the application). */

export function event(
  municipalityCode: string | null,
  overrides: Partial<AuditEvent> = {},
): AuditEvent {
  return {
    municipalityCode,
    actorUserId: randomUUID(),
    actorRole: 'coordinator',
    action: 'read',
    resourceType: 'person',
    resourceId: randomUUID(),
    subjectPersonId: randomUUID(),
    purpose: 'case_work',
    legalBasis: 'serviceloven_11',
    requestId: randomUUID(),
    details: { fields: 3 },
    ...overrides,
  };
}

/** Writes each event in its own transaction, one after the other. */
export async function writeEach<T extends AuditTables>(
  db: Kysely<T>,
  key: Buffer,
  events: AuditEvent[],
) {
  for (const e of events) await db.transaction().execute((trx) => writeAudit(trx, key, e));
}

export async function chainRows<T>(db: Kysely<T>, chainKey: string) {
  const rows = await sql<{ id: number; seq: number; prev_hash: string; hash: string }>`
    select id, seq, prev_hash, hash from audit_log where chain_key = ${chainKey} order by seq`.execute(
    db,
  );
  return rows.rows;
}
