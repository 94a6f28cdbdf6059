-- The area analysis and the area action plan (issue 16 part 4; the housing-area model's phase 2,
-- seed model-criminal-to-extremist-recruitment.txt, digest in domain.md §4). Owned by
-- server/modules/area-plans. Both are about places, groups and roles, never citizens: the service
-- refuses a CPR number in every text, and ids named in them (zones, positive connectors, team
-- members) are checked against the area before they are stored.

-- The team's analysis of an area, from its mapping rounds: groups of concern (described as
-- groups), zones of insecurity, environments, resource persons and positive connectors, the area
-- signs and group signs seen, and a summary. Versioned: a new version starts as a copy of the
-- newest; only the newest version is edited, earlier ones are kept and readable.
create table area_analyses (
  -- Chosen by the client, so that a repeated create is answered with the same version.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  number integer not null check (number >= 1),
  based_on_id uuid null references area_analyses (id) on delete set null,
  -- { groups: [{ key, label, description }], zoneIds: [], environments, connectorIds: [],
  --   areaSigns: [], groupSigns: [], summary } (server/modules/area-plans/schema.ts)
  content jsonb not null check (jsonb_typeof(content) = 'object'),
  created_by uuid not null references users (id),
  updated_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (area_id, number)
);
create index area_analyses_tenant_idx on area_analyses (municipality_code, area_id, number);
create trigger area_analyses_tenant_key
  before insert or update of municipality_code, area_id on area_analyses
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- The area action plan: reflection answers and concrete goals for the area's development, each
-- goal with a responsible person (a user of the team, or a named role or organisation), a due
-- date and the positive connectors it uses. Versioned and approved like the individual plan:
-- draft → submitted → approved by someone other than its authors (four-eyes); an approved
-- version never changes; a new version starts as a copy (goals keep their key).
create table area_action_plans (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  number integer not null check (number >= 1),
  based_on_id uuid null references area_action_plans (id) on delete set null,
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'approved', 'superseded')),
  -- { first, efforts, responsibility, connectors }: the reflection questions answered.
  reflection jsonb not null check (jsonb_typeof(reflection) = 'object'),
  -- [{ key, title, description, responsibleUserId, responsibleRole, dueOn, reviewOn, connectorIds }]
  goals jsonb not null check (jsonb_typeof(goals) = 'array'),
  created_by uuid not null references users (id),
  updated_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by uuid null references users (id),
  submitted_at timestamptz null,
  approved_by uuid null references users (id),
  approved_at timestamptz null,
  -- Why a submitted version was sent back to draft (the last time).
  returned_comment text null check (length(returned_comment) between 1 and 2000),
  version integer not null default 1,
  unique (area_id, number)
);
-- One open version (draft or submitted) per area at a time.
create unique index area_action_plans_one_open_idx on area_action_plans (area_id)
  where status in ('draft', 'submitted');
create index area_action_plans_tenant_idx on area_action_plans (municipality_code, area_id, status);
create trigger area_action_plans_tenant_key
  before insert or update of municipality_code, area_id on area_action_plans
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- The follow-up of an approved plan's goals: each entry a status with a note and a date; the
-- newest entry of a goal (by its key, which survives new versions) is its current status, the
-- rest its history. `next_review_on`: when the goal is next looked at (a task once passed).
create table area_plan_goal_follow_ups (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  plan_id uuid not null references area_action_plans (id) on delete cascade,
  goal_key uuid not null,
  status text not null
    check (status in ('not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
  note text null check (length(note) between 1 and 2000),
  recorded_on date not null,
  next_review_on date null,
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index area_plan_goal_follow_ups_goal_idx
  on area_plan_goal_follow_ups (area_id, goal_key, recorded_on, created_at);
create index area_plan_goal_follow_ups_tenant_idx
  on area_plan_goal_follow_ups (municipality_code, area_id);
create trigger area_plan_goal_follow_ups_tenant_key
  before insert or update of municipality_code, area_id on area_plan_goal_follow_ups
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');
