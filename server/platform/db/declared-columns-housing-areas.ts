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
  implementation_items: [
    'municipality_code',
    'item_key',
    'status',
    'not_relevant_reason',
    'responsible_user_id',
    'responsible_text',
    'evidence',
    'next_review_on',
    'updated_by',
    'updated_at',
    'version',
  ],
  implementation_item_changes: [
    'id',
    'municipality_code',
    'item_key',
    'changed_by',
    'changed_at',
    'old_values',
    'new_values',
  ],
  implementation_reviews: [
    'id',
    'municipality_code',
    'reviewed_on',
    'reviewed_by',
    'conclusion',
    'next_review_on',
    'created_at',
  ],
  implementation_profiles: ['id', 'municipality_code', 'number', 'answers', 'saved_by', 'saved_at'],
} satisfies {
  [
    T in
      | 'housing_areas'
      | 'housing_area_parts'
      | 'housing_area_partners'
      | 'area_rounds'
      | 'area_round_contributions'
      | 'implementation_items'
      | 'implementation_item_changes'
      | 'implementation_reviews'
      | 'implementation_profiles'
  ]: (keyof DB[T])[];
};
