import { TransferPartSchema, TransferStatusSchema } from '../../../shared/transfers.ts';
import type { TransferRow } from './queries.ts';
import type { Transfer } from './schema.ts';

/**
 * A transfer as a side sees it. The sending side never sees the receiver's copy; the receiving
 * side sees it once accepted (`receivedCaseId`), and never the sending case's id.
 */
export function presentTransfer(row: TransferRow, side: 'sender' | 'receiver'): Transfer {
  return {
    id: row.id,
    status: TransferStatusSchema.parse(row.status),
    from: { code: row.municipality_code, name: row.from_name },
    to: { code: row.to_municipality_code, name: row.to_name },
    reason: row.reason,
    legalBasis: row.legal_basis,
    parts: row.parts.map((p) => TransferPartSchema.parse(p)),
    proposedAt: row.proposed_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    declineReason: row.decline_reason,
    receivedCaseId: side === 'receiver' ? row.received_case_id : null,
    version: row.version,
  };
}
