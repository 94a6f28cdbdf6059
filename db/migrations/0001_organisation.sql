-- Organisation model: police districts, municipalities (the tenants), unit kinds and units.
-- Names of kinds are translated in the UI; the database stores stable codes only.

create table police_districts (
  id smallint primary key,
  name text not null unique,
  is_demo boolean not null default false
);

create table municipalities (
  -- Official three-digit municipality code (kommunekode), e.g. '101' for København.
  code char(3) primary key check (code ~ '^[0-9]{3}$'),
  name text not null unique,
  region text not null check (region in ('hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland', 'demo')),
  police_district_id smallint not null references police_districts (id),
  is_demo boolean not null default false
);
create index municipalities_police_district_idx on municipalities (police_district_id);

create table unit_kinds (
  code text primary key check (code ~ '^[a-z_]+$'),
  sort_order smallint not null unique
);

insert into unit_kinds (code, sort_order) values
  ('ssp', 1),
  ('children_youth', 2),
  ('social_family', 3),
  ('jobcenter', 4),
  ('integration', 5),
  ('psychiatry_liaison', 6),
  ('police_contact', 7),
  ('prison_service_contact', 8),
  ('housing_social_work', 9),
  ('mentors_coaches', 10);

create table units (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  kind text not null references unit_kinds (code),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (municipality_code, name)
);
create index units_municipality_kind_idx on units (municipality_code, kind);

-- Small key/value facts about this installation (e.g. when demo data was created).
create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
