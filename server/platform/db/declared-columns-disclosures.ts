import type { DB } from './schema.ts';

/** Column names of the disclosure register's tables (0035), checked by schema.int.test.ts. */
export const declaredDisclosureColumns = {
  disclosures: [
    'id',
    'municipality_code',
    'case_id',
    'disclosed_on',
    'recipient_organisation',
    'recipient_kind',
    'recipient_person',
    'categories',
    'documents',
    'legal_basis',
    'purpose',
    'decided_by',
    'channel',
    'recorded_by_hand',
    'product_source',
    'recorded_by',
    'recorded_at',
  ],
  disclosure_persons: ['disclosure_id', 'person_id', 'municipality_code'],
} satisfies { [T in keyof DB]?: (keyof DB[T])[] };
