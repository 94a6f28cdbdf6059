import type { DB } from './schema.ts';

/** Column names of the tables of housing-area-schema.ts (checked by schema.int.test.ts). */
export const declaredHousingAreaColumns = {
  housing_areas: [
    'id',
    'municipality_code',
    'name',
    'description',
    'local_actors',
    'geometry',
    'team_forum_id',
    'cadence',
    'created_by',
    'created_at',
    'updated_at',
    'archived_at',
    'version',
  ],
  housing_area_parts: [
    'id',
    'municipality_code',
    'area_id',
    'zone_id',
    'level',
    'kind',
    'name',
    'description',
    'local_actors',
    'geometry',
    'created_by',
    'created_at',
    'updated_at',
    'archived_at',
    'version',
  ],
  housing_area_partners: [
    'area_id',
    'user_id',
    'municipality_code',
    'may_contribute',
    'sees_overview',
    'granted_by',
    'granted_at',
    'revoked_at',
    'version',
  ],
  area_rounds: [
    'id',
    'municipality_code',
    'area_id',
    'number',
    'status',
    'due_on',
    'held_on',
    'meeting_id',
    'participants',
    'opened_by',
    'created_at',
    'updated_at',
    'systematised_at',
    'systematised_by',
    'version',
  ],
  area_round_contributions: [
    'id',
    'municipality_code',
    'round_id',
    'contributor_id',
    'part_id',
    'stance',
    'category',
    'sign',
    'label',
    'description',
    'how_to_reach',
    'created_at',
    'updated_at',
    'version',
  ],
  area_round_overviews: [
    'round_id',
    'municipality_code',
    'items',
    'created_by',
    'created_at',
    'updated_by',
    'updated_at',
    'version',
  ],
} satisfies {
  [
    T in
      | 'housing_areas'
      | 'housing_area_parts'
      | 'housing_area_partners'
      | 'area_rounds'
      | 'area_round_contributions'
      | 'area_round_overviews'
  ]: (keyof DB[T])[];
};
