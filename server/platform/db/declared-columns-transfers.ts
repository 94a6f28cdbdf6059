import type { DB } from './schema.ts';

/** Column names of the tables across municipalities (0041), checked by schema.int.test.ts. */
export const declaredTransferColumns = {
  inquiry_forwardings: [
    'id',
    'municipality_code',
    'inquiry_id',
    'direction',
    'counterpart_code',
    'reason',
    'forwarded_at',
    'forwarded_by',
  ],
  case_transfers: [
    'id',
    'municipality_code',
    'case_id',
    'to_municipality_code',
    'status',
    'reason',
    'legal_basis_key',
    'legal_basis',
    'parts',
    'proposed_by',
    'proposed_at',
    'decided_by',
    'decided_at',
    'decline_reason',
    'received_case_id',
    'version',
    'consent_id',
  ],
} satisfies { [T in keyof DB]?: (keyof DB[T])[] };
