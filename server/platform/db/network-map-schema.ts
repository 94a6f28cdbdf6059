import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the network analysis map's versions (db/migrations/0050, owned by
 * server/modules/network-maps) and the municipality's guidance texts (owned by
 * server/modules/guidance). The main `DB` in ./schema.ts extends `NetworkMapTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** `relations` as stored: see server/modules/network-maps/schema.ts (StoredRelation). */
type Json = ColumnType<unknown, string, string>;

export interface NetworkMapVersionsTable {
  id: string;
  /** The tenant key (0015 pattern): filled from the case when left out. */
  municipality_code: Generated<string>;
  case_id: string;
  number: number;
  based_on_id: string | null;
  status: Generated<string>;
  drawn_on: ColumnType<string, string, string>;
  occasion: string | null;
  relations: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  finalised_by: string | null;
  finalised_at: Timestamp | null;
  version: Generated<number>;
}

export interface GuidanceOverridesTable {
  municipality_code: string;
  key: string;
  text_da: string;
  text_en: string | null;
  updated_by: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface NetworkMapTables {
  network_map_versions: NetworkMapVersionsTable;
  guidance_overrides: GuidanceOverridesTable;
}
