import type { DB } from './schema.ts';

/** Column names of the tables of network-map-schema.ts (checked by schema.int.test.ts). */
export const declaredNetworkMapColumns = {
  network_map_versions: [
    'id',
    'municipality_code',
    'case_id',
    'number',
    'based_on_id',
    'status',
    'drawn_on',
    'occasion',
    'relations',
    'created_by',
    'created_at',
    'updated_at',
    'finalised_by',
    'finalised_at',
    'version',
  ],
  guidance_overrides: [
    'municipality_code',
    'key',
    'text_da',
    'text_en',
    'updated_by',
    'updated_at',
    'version',
  ],
} satisfies { [T in 'network_map_versions' | 'guidance_overrides']: (keyof DB[T])[] };
