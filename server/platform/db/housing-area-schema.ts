import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the housing-area model's areas, their zones and places, and the partners
 * granted an area (db/migrations/0052, owned by server/modules/housing-areas). The main `DB` in
 * ./schema.ts extends `HousingAreaTables`; later migrations of issue 16 add their tables here.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A GeoJSON geometry (WGS84) as stored: see shared/geo.ts. */
type Json = ColumnType<unknown, string, string>;

export interface HousingAreasTable {
  id: string;
  municipality_code: string;
  name: string;
  description: string | null;
  local_actors: string | null;
  geometry: Json;
  team_forum_id: string | null;
  cadence: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
  version: Generated<number>;
}

export interface HousingAreaPartsTable {
  id: string;
  /** The tenant key (0015 pattern): filled from the area when left out. */
  municipality_code: Generated<string>;
  area_id: string;
  zone_id: string | null;
  level: 'zone' | 'place';
  kind: string;
  name: string;
  description: string | null;
  local_actors: string | null;
  geometry: Json;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
  version: Generated<number>;
}

export interface HousingAreaPartnersTable {
  area_id: string;
  user_id: string;
  municipality_code: Generated<string>;
  may_contribute: Generated<boolean>;
  sees_overview: Generated<boolean>;
  granted_by: string;
  granted_at: Timestamp;
  revoked_at: Timestamp | null;
  version: Generated<number>;
}

export interface AreaRoundsTable {
  id: string;
  municipality_code: Generated<string>;
  area_id: string;
  number: number;
  status: Generated<'open' | 'closed' | 'systematised'>;
  due_on: ColumnType<string, string, string>;
  held_on: ColumnType<string | null, string | null | undefined, string | null>;
  meeting_id: string | null;
  participants: string | null;
  opened_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  systematised_at: Timestamp | null;
  systematised_by: string | null;
  version: Generated<number>;
}

export interface AreaRoundContributionsTable {
  id: string;
  municipality_code: Generated<string>;
  round_id: string;
  contributor_id: string;
  part_id: string | null;
  stance: 'challenge' | 'resource';
  category: string;
  sign: string | null;
  label: string;
  description: string | null;
  how_to_reach: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

// The implementation follow-up and self-profile (0057, server/modules/implementation).
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface ImplementationItemsTable {
  municipality_code: string;
  item_key: string;
  status: string;
  not_relevant_reason: string | null;
  responsible_user_id: string | null;
  responsible_text: string | null;
  evidence: string | null;
  next_review_on: NullableDate;
  updated_by: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ImplementationItemChangesTable {
  id: string;
  municipality_code: string;
  item_key: string;
  changed_by: string;
  changed_at: Timestamp;
  old_values: ColumnType<unknown, string | null, string | null>;
  new_values: Json;
}

export interface ImplementationReviewsTable {
  id: string;
  municipality_code: string;
  reviewed_on: DateColumn;
  reviewed_by: string;
  conclusion: string;
  next_review_on: DateColumn;
  created_at: Timestamp;
}

export interface ImplementationProfilesTable {
  id: string;
  municipality_code: string;
  number: number;
  answers: Json;
  saved_by: string;
  saved_at: Timestamp;
}

export interface ImplementationTables {
  implementation_items: ImplementationItemsTable;
  implementation_item_changes: ImplementationItemChangesTable;
  implementation_reviews: ImplementationReviewsTable;
  implementation_profiles: ImplementationProfilesTable;
}

/** Area interventions of phase 3 (0056, owned by server/modules/area-work). */
export interface AreaInterventionsTable {
  id: string;
  municipality_code: Generated<string>;
  area_id: string;
  kind: 'area_civil_society' | 'upskilling';
  title: string;
  description: string | null;
  target_group: string | null;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  planned_participants: number | null;
  actual_participants: number | null;
  connector_ids: ColumnType<unknown, string | undefined, string>;
  status: Generated<'planned' | 'active' | 'phasing_out' | 'ended'>;
  monitoring_until: ColumnType<string | null, string | null | undefined, string | null>;
  next_follow_up_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** An area intervention's status changes and follow-ups (0056). */
export interface AreaInterventionEntriesTable {
  id: string;
  municipality_code: Generated<string>;
  area_intervention_id: string;
  kind: 'status' | 'follow_up';
  from_status: string | null;
  to_status: string | null;
  happened_on: ColumnType<string, string, string>;
  note: string | null;
  next_follow_up_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Timestamp;
}

/** The area overview of a systematised round (0054, owned by server/modules/area-rounds). */
export interface AreaRoundOverviewsTable {
  round_id: string;
  municipality_code: Generated<string>;
  items: Json;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The area analysis (0055, server/modules/area-plans): content as jsonb, versioned. */
export interface AreaAnalysesTable {
  id: string;
  municipality_code: Generated<string>;
  area_id: string;
  number: number;
  based_on_id: string | null;
  content: Json;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The area action plan (0055): draft → submitted → approved (four-eyes) → superseded. */
export interface AreaActionPlansTable {
  id: string;
  municipality_code: Generated<string>;
  area_id: string;
  number: number;
  based_on_id: string | null;
  status: Generated<'draft' | 'submitted' | 'approved' | 'superseded'>;
  reflection: Json;
  goals: Json;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  returned_comment: string | null;
  version: Generated<number>;
  /** Everyone who created, saved or submitted the version (0058): none of them approves it. */
  editors: Generated<string[]>;
}

/** The follow-up of an area action plan's goals (0055): newest entry per goal key is its status. */
export interface AreaPlanGoalFollowUpsTable {
  id: string;
  municipality_code: Generated<string>;
  area_id: string;
  plan_id: string;
  goal_key: string;
  status: 'not_started' | 'in_progress' | 'achieved' | 'not_achieved' | 'dropped';
  note: string | null;
  recorded_on: ColumnType<string, string, string>;
  next_review_on: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_by: string;
  created_at: Timestamp;
}

export interface HousingAreaTables extends ImplementationTables {
  housing_areas: HousingAreasTable;
  housing_area_parts: HousingAreaPartsTable;
  housing_area_partners: HousingAreaPartnersTable;
  area_rounds: AreaRoundsTable;
  area_round_contributions: AreaRoundContributionsTable;
  area_interventions: AreaInterventionsTable;
  area_intervention_entries: AreaInterventionEntriesTable;
  area_round_overviews: AreaRoundOverviewsTable;
  area_analyses: AreaAnalysesTable;
  area_action_plans: AreaActionPlansTable;
  area_plan_goal_follow_ups: AreaPlanGoalFollowUpsTable;
}
