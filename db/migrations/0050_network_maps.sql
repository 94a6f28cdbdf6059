-- The network analysis map (issue 15 part 5; the housing-area model's tool 6) and the
-- municipality's own words for the guidance shown where the work happens (issue 15 part 6).
--
-- A map belongs to a case and is versioned: a version is a draft until it is finalised, and then
-- never changes; a new version starts as a copy of the latest one. The persons and institutions
-- around the citizen are a JSON list inside the version, so that they are never persons of the
-- register, never searchable across cases and never counted in statistics:
--   [{ "key": uuid (kept across versions, so two versions can be compared),
--      "sector": "family|friends|school_work|leisure|online|professionals|extremist_environment",
--      "label": "older cousin" (a role, never a CPR number; the service refuses one),
--      "closeness": 1 (close) … 3 (distant),
--      "quality": "protective|risky|mixed",
--      "note": text | null,
--      "personId": uuid | null (only a person of the case; checked by the service) }]
-- The whole map sits in the case's compartment: it describes the citizen's ties to an extremist
-- environment (server/access/case-abilities.ts, part `networkMap`).
create table network_map_versions (
  -- Chosen by the client, so that a repeated create is answered with the same version.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid not null references cases (id) on delete cascade,
  number integer not null check (number >= 1),
  based_on_id uuid null references network_map_versions (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'final')),
  -- The day the map describes (e.g. the first meeting with the citizen).
  drawn_on date not null,
  -- Why it was drawn: "first meeting", "three months on".
  occasion text null check (length(occasion) between 1 and 200),
  relations jsonb not null default '[]' check (jsonb_typeof(relations) = 'array'),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finalised_by uuid null references users (id),
  finalised_at timestamptz null,
  version integer not null default 1,
  unique (case_id, number),
  check ((status = 'draft') = (finalised_at is null))
);
create unique index network_map_versions_one_draft_idx on network_map_versions (case_id)
  where status = 'draft';
create index network_map_versions_tenant_idx on network_map_versions (municipality_code, case_id);
create trigger network_map_versions_tenant_key
  before insert or update of municipality_code, case_id on network_map_versions
  for each row execute function tenant_key_from_parents('cases', 'case_id');

insert into case_event_kinds (code) values ('network_map_created'), ('network_map_finalised');

-- Guidance texts (the practice sheets' advice, the reflection questions, the definitions, the
-- caution about concern signs) have their defaults in the product's i18n; a municipality's
-- administrator may replace one by key, and reset it (the row is deleted). History is in the
-- audit trail. No personal data.
create table guidance_overrides (
  municipality_code char(3) not null references municipalities (code),
  key text not null check (key ~ '^[a-z][a-zA-Z0-9_.]{1,80}$'),
  text_da text not null check (length(text_da) between 1 and 4000),
  text_en text null check (length(text_en) between 1 and 4000),
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_code, key)
);
