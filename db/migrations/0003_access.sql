-- Identity and sessions: users with roles and units, second factors, server-side sessions and
-- login throttling shared by every app process.

create table users (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) null references municipalities (code),
  police_district_id smallint null references police_districts (id),
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  roles text[] not null check (
    cardinality(roles) >= 1 and roles <@ array[
      'system_admin', 'municipal_admin', 'coordinator', 'forum_member', 'caseworker',
      'police_contact', 'mentor', 'leader', 'analyst', 'data_protection'
    ]::text[]
  ),
  password_hash text null,
  password_changed_at timestamptz null,
  -- TOTP secret, encrypted with the installation's secret key (AES-256-GCM), never plain.
  totp_secret_enc text null,
  totp_enabled_at timestamptz null,
  -- The last accepted TOTP time step: a code is accepted once (no replay).
  totp_last_step bigint null,
  is_demo boolean not null default false,
  disabled_at timestamptz null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  -- Everyone but the system administrator belongs to a municipality or a police district.
  check (municipality_code is not null or police_district_id is not null or roles = array['system_admin']::text[])
);
create index users_municipality_idx on users (municipality_code, username);
create index users_police_district_idx on users (police_district_id, username);

create table user_units (
  user_id uuid not null references users (id) on delete cascade,
  unit_id uuid not null references units (id),
  primary key (user_id, unit_id)
);
create index user_units_unit_idx on user_units (unit_id);

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz null,
  created_at timestamptz not null default now()
);
create index recovery_codes_user_idx on recovery_codes (user_id);

create table sessions (
  -- SHA-256 of the session token; the token itself exists only in the user's cookie.
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  state text not null check (state in ('password_ok', 'authenticated')),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table login_throttle (
  -- 'account:<username>' or 'ip:<address>'; the username need not exist (no account probing).
  key text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz null
);
