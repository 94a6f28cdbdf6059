import type { DB } from './schema.ts';

/** Column names of the partner-access tables as declared in partners-schema.ts (checked by schema.int.test.ts). */
export const declaredPartnerColumns = {
  partner_users: [
    'user_id',
    'municipality_code',
    'organisation_id',
    'activation_token_hash',
    'activation_expires_at',
    'created_at',
  ],
  case_partner_access: [
    'id',
    'municipality_code',
    'case_id',
    'partner_user_id',
    'organisation_id',
    'parts',
    'goal_keys',
    'intervention_ids',
    'legal_basis',
    'purpose',
    'consent_id',
    'ends_on',
    'ended_on',
    'end_reason',
    'expiry_recorded_at',
    'invited_by',
    'created_at',
    'updated_at',
    'version',
  ],
} satisfies { [T in keyof DB]?: (keyof DB[T])[] };
