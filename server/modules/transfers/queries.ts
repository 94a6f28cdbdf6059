import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { InquiryKey } from '../inquiries/queries-detail.ts';

/**
 * The transfers module's SQL (docs/TRANSFERS.md): the forwardings of an inquiry (one row per
 * side, each keyed by its own municipality) and the case transfers (keyed by the sending
 * municipality, read by the receiving one through `to_municipality_code`).
 */
type Db = Kysely<DB>;

// ── Forwardings ──────────────────────────────────────────────────────────────────────────────

const FORWARDING_COLUMNS = [
  'f.id',
  'f.inquiry_id',
  'f.municipality_code',
  'f.direction',
  'f.counterpart_code',
  'm.name as counterpart_name',
  'f.reason',
  'f.forwarded_at',
] as const;

/** The forwarding rows of an inquiry (sent and/or received), with the other municipality's name. */
export async function forwardingsOf(db: Db, key: InquiryKey) {
  return db
    .selectFrom('inquiry_forwardings as f')
    .innerJoin('municipalities as m', 'm.code', 'f.counterpart_code')
    .select(FORWARDING_COLUMNS)
    .where('f.inquiry_id', '=', key.inquiryId)
    .where('f.municipality_code', '=', key.municipalityCode)
    .execute();
}
export type ForwardingRow = Awaited<ReturnType<typeof forwardingsOf>>[number];

/** A sent forwarding by its client-chosen id (any municipality: the id is the caller's key). */
export async function sentForwarding(db: Db, id: string) {
  return db
    .selectFrom('inquiry_forwardings')
    .select(['id', 'inquiry_id', 'municipality_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertForwarding(
  db: Db,
  values: Insertable<DB['inquiry_forwardings']>,
): Promise<void> {
  await db.insertInto('inquiry_forwardings').values(values).execute();
}

// ── Case transfers ───────────────────────────────────────────────────────────────────────────

function selectTransfers(db: Db) {
  return db
    .selectFrom('case_transfers as t')
    .innerJoin('municipalities as fm', 'fm.code', 't.municipality_code')
    .innerJoin('municipalities as tm', 'tm.code', 't.to_municipality_code')
    .select([
      't.id',
      't.case_id',
      't.municipality_code',
      'fm.name as from_name',
      't.to_municipality_code',
      'tm.name as to_name',
      't.status',
      't.reason',
      't.legal_basis',
      't.parts',
      't.proposed_at',
      't.decided_at',
      't.decline_reason',
      't.received_case_id',
      't.version',
    ]);
}
export type TransferRow = Awaited<
  ReturnType<ReturnType<typeof selectTransfers>['executeTakeFirstOrThrow']>
>;

/** The transfers of a sending case, newest first. */
export async function transfersOfCase(db: Db, key: CaseKey): Promise<TransferRow[]> {
  return selectTransfers(db)
    .where('t.case_id', '=', key.caseId)
    .where('t.municipality_code', '=', key.municipalityCode)
    .orderBy('t.proposed_at', 'desc')
    .orderBy('t.id')
    .execute();
}

/** The transfers addressed to a municipality, newest first, optionally of one status. */
export async function incomingTransfers(
  db: Db,
  municipalityCode: string,
  status: string | undefined,
): Promise<TransferRow[]> {
  let query = selectTransfers(db)
    .where('t.to_municipality_code', '=', municipalityCode)
    .orderBy('t.proposed_at', 'desc')
    .orderBy('t.id')
    .limit(200);
  if (status) query = query.where('t.status', '=', status);
  return query.execute();
}

/** One transfer addressed to the municipality. */
export async function incomingTransfer(
  db: Db,
  municipalityCode: string,
  id: string,
): Promise<TransferRow | undefined> {
  return selectTransfers(db)
    .where('t.id', '=', id)
    .where('t.to_municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}

/** A transfer by its client-chosen id, whoever proposed it (the idempotency check). */
export async function transferHome(db: Db, id: string) {
  return db
    .selectFrom('case_transfers')
    .select(['id', 'case_id', 'municipality_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The case's transfer waiting for an answer, if any. */
export async function openTransferOf(db: Db, key: CaseKey) {
  return db
    .selectFrom('case_transfers')
    .select('id')
    .where('case_id', '=', key.caseId)
    .where('municipality_code', '=', key.municipalityCode)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
}

export async function insertTransfer(
  db: Db,
  values: Insertable<DB['case_transfers']>,
): Promise<void> {
  await db.insertInto('case_transfers').values(values).execute();
}

/**
 * The receiving municipality's answer, if the transfer is still proposed at the version the
 * caller saw; false otherwise (someone answered meanwhile).
 */
export async function decideTransfer(
  db: Db,
  input: {
    id: string;
    toMunicipalityCode: string;
    version: number;
    status: 'accepted' | 'declined';
    decidedBy: string;
    decidedAt: Date;
    declineReason: string | null;
    receivedCaseId: string | null;
  },
): Promise<boolean> {
  const row = await db
    .updateTable('case_transfers')
    .set((eb) => ({
      status: input.status,
      decided_by: input.decidedBy,
      decided_at: input.decidedAt,
      decline_reason: input.declineReason,
      received_case_id: input.receivedCaseId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', input.id)
    .where('to_municipality_code', '=', input.toMunicipalityCode)
    .where('status', '=', 'proposed')
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The facts of a transfer the acceptance needs, locked for the rest of the transaction. */
export async function lockTransfer(db: Db, id: string, toMunicipalityCode: string) {
  return db
    .selectFrom('case_transfers as t')
    .innerJoin('users as u', 'u.id', 't.proposed_by')
    .innerJoin('municipalities as fm', 'fm.code', 't.municipality_code')
    .innerJoin('municipalities as tm', 'tm.code', 't.to_municipality_code')
    .select([
      't.id',
      't.case_id',
      't.municipality_code',
      'fm.name as from_name',
      'tm.name as to_name',
      't.status',
      't.version',
      't.parts',
      't.reason',
      't.legal_basis',
      't.consent_id',
      'u.display_name as proposed_by_name',
    ])
    .where('t.id', '=', id)
    .where('t.to_municipality_code', '=', toMunicipalityCode)
    .forUpdate('t')
    .executeTakeFirst();
}

/** The active coordinators of a municipality (told of a transfer proposed to it). */
export async function coordinatorIdsOf(db: Db, municipalityCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where(sql<boolean>`'coordinator' = any(users.roles)`)
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** The active coordinators of a municipality with an e-mail address (sent the invitation). */
export async function mailableCoordinatorIdsOf(
  db: Db,
  municipalityCode: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where(sql<boolean>`'coordinator' = any(users.roles)`)
    .where('disabled_at', 'is', null)
    .where('email', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}
