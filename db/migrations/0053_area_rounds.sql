-- Mapping rounds of a housing area (issue 16 part 2; the housing-area model's tool 3): at the
-- area's cadence the team collects knowledge from front-line staff and housing social workers —
-- challenges and resources at each level (the area, a zone or environment, a place) — and
-- systematises it into one area overview. The overview and its comparison with the last round
-- belong to the area-rounds module, which may add tables of its own in a later migration.
create table area_rounds (
  -- Chosen by the client, so that a repeated create is answered with the same round.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  number integer not null check (number >= 1),
  -- open: contributions are collected; closed: no more contributions; systematised: the
  -- overview is written and the next round is due.
  status text not null default 'open' check (status in ('open', 'closed', 'systematised')),
  -- The day the round is due by the cadence, and the day it was held (its area meeting).
  due_on date not null,
  held_on date null,
  -- The area meeting the round was collected at (a meeting of the area's team forum), if any.
  meeting_id uuid null references meetings (id) on delete set null,
  -- Who took part, by role and organisation ("boligsocial medarbejder, Boligselskabet"), when
  -- the round had no meeting in the product.
  participants text null check (length(participants) between 1 and 2000),
  opened_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  systematised_at timestamptz null,
  systematised_by uuid null references users (id),
  version integer not null default 1,
  unique (area_id, number)
);
create unique index area_rounds_one_open_idx on area_rounds (area_id) where status = 'open';
create index area_rounds_tenant_idx on area_rounds (municipality_code, area_id, number);
create trigger area_rounds_tenant_key
  before insert or update of municipality_code, area_id on area_rounds
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- One piece of knowledge a contributor brings to a round. A resource person or a positive
-- connector is described by role and how to reach them ("træner i bokseklubben, via klubbens
-- formand"), never as a citizen of the register: no CPR number, no person id (the service
-- refuses a CPR number in any text).
create table area_round_contributions (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  round_id uuid not null references area_rounds (id) on delete cascade,
  contributor_id uuid not null references users (id),
  -- The level: null part = the area as a whole; otherwise a zone or a place of the area.
  part_id uuid null references housing_area_parts (id) on delete set null,
  -- challenge or resource
  stance text not null check (stance in ('challenge', 'resource')),
  -- resource_person | positive_connector | association | place | area_sign | group_sign | other
  category text not null check (category ~ '^[a-z_]{2,40}$'),
  -- For area_sign and group_sign: the sign's code (shared/housing-areas.ts).
  sign text null check (sign ~ '^[a-z_]{2,60}$'),
  -- A short name for the item ("Bokseklubbens træner", "Kælderen i blok 4").
  label text not null check (length(label) between 1 and 200),
  description text null check (length(description) between 1 and 4000),
  -- For a resource person or positive connector: how the team reaches them.
  how_to_reach text null check (length(how_to_reach) between 1 and 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index area_round_contributions_round_idx
  on area_round_contributions (round_id, category, created_at, id);
create index area_round_contributions_contributor_idx
  on area_round_contributions (contributor_id, round_id);
create trigger area_round_contributions_tenant_key
  before insert or update of municipality_code, round_id on area_round_contributions
  for each row execute function tenant_key_from_parents('area_rounds', 'round_id');
