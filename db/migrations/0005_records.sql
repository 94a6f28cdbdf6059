-- Personal-data records and who may see them (need-to-know, docs/SECURITY.md "Need-to-know").
--
-- A person belongs to one municipality. A case groups persons and has members: a member sees the
-- case's personal data within their scope; coordinators and forum members of the case also see
-- the compartment (the radicalisation concern itself). Everyone else gets 404. A coordinator who
-- is not a member may open a case only through a break-the-glass grant (reason + second factor,
-- 60 minutes), which notifies the municipality's other coordinators.
-- Inquiries, interventions and the rest of the case arrive in later migrations.

create table persons (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  given_name text not null check (length(given_name) between 1 and 100),
  family_name text not null check (length(family_name) between 1 and 100),
  birth_date date null,
  -- CPR number encrypted with the installation's secret key (AES-256-GCM, context person id).
  cpr_enc text null,
  address text null check (length(address) <= 300),
  phone text null check (length(phone) <= 40),
  is_demo boolean not null default false,
  created_by uuid null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index persons_municipality_idx on persons (municipality_code, family_name, given_name);

create table forums (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index forums_municipality_idx on forums (municipality_code, name);

create table forum_members (
  forum_id uuid not null references forums (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (forum_id, user_id)
);
create index forum_members_user_idx on forum_members (user_id);

create table cases (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  -- Human reference, unique per municipality, e.g. 'S-2026-0007'. Never personal data.
  reference text not null check (reference ~ '^S-[0-9]{4}-[0-9]{4,6}$'),
  status text not null default 'active' check (status in ('active', 'on_hold', 'closed', 'under_review')),
  forum_id uuid null references forums (id),
  opened_at timestamptz not null default now(),
  -- Compartment: the concern itself. Readable only by the case's coordinators and forum members.
  extremism_form text null check (extremism_form in ('militant_islamism', 'right_wing', 'left_wing', 'other')),
  extremism_form_other text null check (length(extremism_form_other) <= 200),
  concern_summary text null check (length(concern_summary) <= 4000),
  -- Not compartment: what every member needs to work with the citizen.
  work_summary text null check (length(work_summary) <= 4000),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (municipality_code, reference)
);
create index cases_municipality_idx on cases (municipality_code, opened_at desc, id desc);

create table case_persons (
  case_id uuid not null references cases (id) on delete cascade,
  person_id uuid not null references persons (id),
  role text not null check (role in ('citizen', 'parent', 'sibling', 'younger_sibling', 'spouse', 'other')),
  primary key (case_id, person_id)
);
create index case_persons_person_idx on case_persons (person_id);

create table case_members (
  case_id uuid not null references cases (id) on delete cascade,
  user_id uuid not null references users (id),
  -- coordinator and forum see the compartment; member does not.
  role text not null check (role in ('coordinator', 'forum', 'member')),
  -- full: the whole case; intervention: only the member's own intervention (e.g. a mentor).
  scope text not null default 'full' check (scope in ('full', 'intervention')),
  -- The unit the member works for in this case: shown in the citizen's access report.
  unit_id uuid null references units (id),
  added_by uuid null references users (id),
  added_at timestamptz not null default now(),
  primary key (case_id, user_id),
  check (scope = 'full' or role = 'member')
);
create index case_members_user_idx on case_members (user_id, case_id);

-- Break-the-glass: temporary access to a case the user is not a member of.
create table access_grants (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  case_id uuid not null references cases (id) on delete cascade,
  reason text not null check (length(reason) between 20 and 2000),
  granted_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check (expires_at > granted_at)
);
create index access_grants_user_idx on access_grants (user_id, case_id, expires_at);

-- In-app notifications. The text is rendered by the web app from `kind`; details hold ids only.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (length(kind) between 1 and 100),
  case_id uuid null references cases (id) on delete cascade,
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz null
);
create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
