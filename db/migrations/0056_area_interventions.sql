-- Area interventions of the housing-area model's phase 3 (issue 16 part 5; seed
-- model-criminal-to-extremist-recruitment.txt, digest in domain.md §4): interventions for the
-- area and its civil society (knowledge about concern signs for local actors, support for
-- existing efforts, work with positive connectors) and upskilling of professionals (courses and
-- theme days). Individual interventions are the case's interventions, not these. Owned by
-- server/modules/area-work. About places, roles and groups of professionals, never about a
-- citizen: the service refuses a CPR number in every text.
create table area_interventions (
  -- Chosen by the client, so that a repeated create is answered with the same intervention.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  kind text not null check (kind in ('area_civil_society', 'upskilling')),
  title text not null check (length(title) between 1 and 200),
  description text null check (length(description) between 1 and 4000),
  -- Who it is for ("trænere og ledere i områdets foreninger", "frontpersonale i klubberne").
  target_group text null check (length(target_group) between 1 and 500),
  starts_on date null,
  ends_on date null check (ends_on is null or starts_on is null or ends_on >= starts_on),
  -- Upskilling: the participants planned and those who came.
  planned_participants integer null check (planned_participants between 0 and 100000),
  actual_participants integer null check (actual_participants between 0 and 100000),
  -- Positive connectors and resource persons the area's mapping rounds found
  -- (area_round_contributions ids; checked against the area's rounds when stored).
  connector_ids jsonb not null default '[]' check (jsonb_typeof(connector_ids) = 'array'),
  -- planned → active → phasing_out (monitored until monitoring_until) → ended
  status text not null default 'planned'
    check (status in ('planned', 'active', 'phasing_out', 'ended')),
  monitoring_until date null,
  -- When the intervention is next followed up: a task in "Mine opgaver" for the area's team.
  next_follow_up_on date null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (status <> 'phasing_out' or monitoring_until is not null)
);
create index area_interventions_area_idx
  on area_interventions (municipality_code, area_id, status, created_at, id);
create index area_interventions_follow_up_idx
  on area_interventions (municipality_code, next_follow_up_on)
  where next_follow_up_on is not null and status <> 'ended';
create trigger area_interventions_tenant_key
  before insert or update of municipality_code, area_id on area_interventions
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- An intervention's history: each status change, and each follow-up (what was seen, the next
-- follow-up date). Written once, never changed.
create table area_intervention_entries (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_intervention_id uuid not null references area_interventions (id) on delete cascade,
  kind text not null check (kind in ('status', 'follow_up')),
  -- A status change: from and to.
  from_status text null,
  to_status text null,
  -- The day it happened (a follow-up's date; a status change's day).
  happened_on date not null,
  -- What was seen (a follow-up), or why the status changed.
  note text null check (length(note) between 1 and 4000),
  next_follow_up_on date null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (kind <> 'status' or to_status is not null),
  check (kind <> 'follow_up' or note is not null)
);
create index area_intervention_entries_idx
  on area_intervention_entries (area_intervention_id, created_at, id);
create trigger area_intervention_entries_tenant_key
  before insert or update of municipality_code, area_intervention_id on area_intervention_entries
  for each row execute function tenant_key_from_parents('area_interventions', 'area_intervention_id');
