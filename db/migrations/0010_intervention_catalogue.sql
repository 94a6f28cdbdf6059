-- The interventions catalogue (indsatskatalog): the offers a municipality can give in a case,
-- each with its level of the prevention triangle (forebyggelsestrekanten: opbyggende,
-- foregribende, indgribende), the age group it is for, its legal basis, whether the citizen's
-- consent is required and the unit responsible for it. Case interventions refer to these later.
-- Catalogue data only: no personal data.

create table intervention_types (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  -- A stable slug, e.g. 'mentor_lab'; the name may change, the code does not.
  code text not null check (code ~ '^[a-z0-9_]{1,60}$'),
  name text not null check (length(name) between 1 and 200),
  description text null check (length(description) between 1 and 2000),
  level text not null check (level in ('building', 'anticipating', 'intervening')),
  age_group text not null check (age_group in ('under_18', 'adult', 'all')),
  -- Free text, e.g. 'Serviceloven § 12 b', 'Serviceloven § 52', 'LAB kap. 9 b'.
  legal_basis text null check (length(legal_basis) between 1 and 200),
  consent_required boolean not null default false,
  responsible_unit_id uuid null references units (id),
  -- A specially arranged offer (særligt tilrettelagt tilbud), e.g. the mentor programme.
  tailored boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (municipality_code, code)
);
create index intervention_types_unit_idx on intervention_types (responsible_unit_id)
  where responsible_unit_id is not null;
