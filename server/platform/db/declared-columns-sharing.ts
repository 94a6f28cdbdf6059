import type { DB } from './schema.ts';

/** Column names of the sharing tables as declared in sharing-schema.ts (checked by schema.int.test.ts). */
export const declaredSharingColumns = {
  legal_bases: [
    'municipality_code',
    'key',
    'name_da',
    'name_en',
    'law',
    'section',
    'allows_da',
    'allows_en',
    'valid_from',
    'valid_to',
    'organisation_kinds',
    'uses',
    'requires_consent',
    'confirmed',
    'updated_at',
    'version',
  ],
  partner_organisations: [
    'id',
    'municipality_code',
    'name',
    'kind',
    'cvr',
    'ean',
    'contact_email',
    'data_processor',
    'processor_agreement_ref',
    'processor_agreement_date',
    'active',
    'created_at',
    'updated_at',
    'version',
  ],
} satisfies { [T in keyof DB]?: (keyof DB[T])[] };
