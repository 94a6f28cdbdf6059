-- The housing-area model (issue 16; seed model-criminal-to-extremist-recruitment.txt, digest in
-- domain.md §4): a municipality's vulnerable housing areas, mapped at levels — the area, the
-- zones or environments inside it, and specific places (a hang-out, a kiosk, a basement club).
--
-- Shapes are GeoJSON geometries in WGS84 (longitude, latitude), stored as jsonb so that both
-- engines keep them alike; the server validates them and checks containment (a zone inside its
-- area, a place inside its zone or area) with turf before they are stored
-- (server/modules/housing-areas). An area is about a place, not a citizen: its descriptions and
-- local actors name roles and organisations, never citizens (the service refuses a CPR number).
--
-- Who sees an area (server/access/area-access.ts decides): the area's team — the members of its
-- team forum (a forum of kind `housing_area`) — and the municipality's forum managers; housing
-- staff and other partners granted the area below (they see what they contributed, and the
-- overview only when granted it); leaders, analysts and the steering group see aggregates only.
create table housing_areas (
  -- Chosen by the client, so that a repeated create is answered with the same area.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  name text not null check (length(name) between 1 and 120),
  description text null check (length(description) between 1 and 4000),
  -- Housing associations, schools, clubs, the police's local unit…: organisations and roles.
  local_actors text null check (length(local_actors) between 1 and 4000),
  -- A GeoJSON Polygon or MultiPolygon (WGS84).
  geometry jsonb not null check (jsonb_typeof(geometry) = 'object'),
  -- The area's team: the members of this forum (kind housing_area) work with the area.
  team_forum_id uuid null references forums (id) on delete set null,
  -- How often the area is mapped (tool 3); null: no cadence yet, so no round can be started.
  cadence text null check (cadence in ('quarterly', 'half_yearly')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- An area is archived, never deleted: its rounds, plans and interventions stay readable.
  archived_at timestamptz null,
  version integer not null default 1
);
create unique index housing_areas_name_idx on housing_areas (municipality_code, lower(name))
  where archived_at is null;
create index housing_areas_list_idx on housing_areas (municipality_code, name, id);
create index housing_areas_team_idx on housing_areas (team_forum_id) where team_forum_id is not null;

-- A zone or environment inside an area, or a place inside a zone (or directly in the area).
create table housing_area_parts (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  area_id uuid not null references housing_areas (id) on delete cascade,
  -- A place's zone; null for a zone, and for a place that lies in no zone.
  zone_id uuid null references housing_area_parts (id) on delete cascade,
  level text not null check (level in ('zone', 'place')),
  -- zone: zone | environment; place: hangout | shop | club | institution | outdoor | other
  kind text not null check (kind ~ '^[a-z_]{2,40}$'),
  name text not null check (length(name) between 1 and 120),
  description text null check (length(description) between 1 and 4000),
  local_actors text null check (length(local_actors) between 1 and 4000),
  -- A zone: Polygon or MultiPolygon; a place: Point or Polygon (WGS84).
  geometry jsonb not null check (jsonb_typeof(geometry) = 'object'),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz null,
  version integer not null default 1,
  check (level = 'place' or zone_id is null)
);
create index housing_area_parts_area_idx on housing_area_parts (area_id, level, name, id);
create trigger housing_area_parts_tenant_key
  before insert or update of municipality_code, area_id on housing_area_parts
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- Users outside the area's team granted the area: housing social workers, front-line staff at a
-- partner organisation (role `partner`) or municipal staff not on the team. They contribute to
-- mapping rounds and send identification forms; they see the area overview only when granted it.
create table housing_area_partners (
  area_id uuid not null references housing_areas (id) on delete cascade,
  user_id uuid not null references users (id),
  municipality_code char(3) not null references municipalities (code),
  may_contribute boolean not null default true,
  sees_overview boolean not null default false,
  granted_by uuid not null references users (id),
  granted_at timestamptz not null default now(),
  revoked_at timestamptz null,
  version integer not null default 1,
  primary key (area_id, user_id)
);
create index housing_area_partners_user_idx on housing_area_partners (user_id)
  where revoked_at is null;
create trigger housing_area_partners_tenant_key
  before insert or update of municipality_code, area_id on housing_area_partners
  for each row execute function tenant_key_from_parents('housing_areas', 'area_id');

-- An inquiry that came from the housing-area work (tools 4a and 4b): the area is its context, and
-- the tool says which form. It is an ordinary inquiry in the ordinary inbox (owned by the
-- inquiries module); there is no separate list of persons identified in an area.
alter table inquiries
  add column housing_area_id uuid null references housing_areas (id) on delete set null,
  add column identification_tool text null check (identification_tool in ('4a', '4b')),
  add constraint inquiries_identification_has_area
    check (identification_tool is null or housing_area_id is not null);
create index inquiries_housing_area_idx on inquiries (housing_area_id)
  where housing_area_id is not null;
