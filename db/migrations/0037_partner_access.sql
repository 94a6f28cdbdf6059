-- Partners invited into one case (issue 13 parts 1 and 11).
--
-- A partner user is a person at one of the municipality's partner organisations (0034): a user
-- with the single role `partner`, who logs in like staff (password and second factor) and sees
-- nothing but the cases they are invited to, and of those only the parts granted, until the
-- invitation's end date. The link between the user and the organisation lives in a table of the
-- partners module, not as a column on `users`: `users` is shared by the administration and the
-- login path, and the organisation is a fact of partner work (with its own tenant key and the
-- account's activation token), owned by one module.

alter table users drop constraint users_roles_check;
alter table users add constraint users_roles_check check (
  cardinality(roles) >= 1 and roles <@ array[
    'system_admin', 'municipal_admin', 'coordinator', 'forum_member', 'caseworker',
    'police_contact', 'mentor', 'leader', 'analyst', 'data_protection', 'hotline', 'partner'
  ]::text[]
  -- A partner is never also staff: the role stands alone.
  and (not ('partner' = any (roles)) or cardinality(roles) = 1)
);

create table partner_users (
  user_id uuid primary key references users (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  organisation_id uuid not null references partner_organisations (id),
  -- A new account is created without a password and disabled; the invitation e-mail carries a
  -- one-time token (only its SHA-256 is kept) with which the person sets their password.
  activation_token_hash text null check (length(activation_token_hash) = 64),
  activation_expires_at timestamptz null,
  created_at timestamptz not null default now(),
  check ((activation_token_hash is null) = (activation_expires_at is null))
);
create index partner_users_organisation_idx on partner_users (municipality_code, organisation_id);
create unique index partner_users_token_idx on partner_users (activation_token_hash)
  where activation_token_hash is not null;
create trigger partner_users_tenant_key
  before insert or update of municipality_code, organisation_id on partner_users
  for each row execute function tenant_key_from_parents('partner_organisations', 'organisation_id');

-- One invitation of one partner user into one case: which parts they see, on which basis, for
-- what purpose, until when. Ended early (`ended_on`), or by itself after `ends_on`: the access
-- check compares with today (Danish time) at every request; the job records the expiry once.
create table case_partner_access (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid not null references cases (id) on delete cascade,
  partner_user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references partner_organisations (id),
  parts text[] not null check (
    cardinality(parts) >= 1
    and parts <@ array['overview', 'planGoals', 'ownInterventions', 'contributions']::text[]
  ),
  goal_keys uuid[] not null default '{}',
  intervention_ids uuid[] not null default '{}',
  legal_basis text not null check (length(legal_basis) between 1 and 50),
  purpose text not null check (length(purpose) between 1 and 2000),
  -- A pointer to the consent a consent basis rests on; a deleted consent ends the access.
  consent_id uuid null references case_consents (id) on delete set null,
  ends_on date not null,
  ended_on date null,
  end_reason text null check (length(end_reason) between 1 and 2000),
  expiry_recorded_at timestamptz null,
  invited_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((ended_on is null) = (end_reason is null))
);
create index case_partner_access_case_idx on case_partner_access (municipality_code, case_id);
create index case_partner_access_user_idx on case_partner_access (partner_user_id, ends_on);
-- The expiry job's look-up: invitations past their end whose expiry is not yet recorded.
create index case_partner_access_expiry_idx on case_partner_access (ends_on)
  where expiry_recorded_at is null and ended_on is null;
create trigger case_partner_access_tenant_key
  before insert or update of municipality_code, case_id, organisation_id, consent_id
  on case_partner_access
  for each row execute function tenant_key_from_parents(
    'cases', 'case_id', 'partner_organisations', 'organisation_id', 'case_consents', 'consent_id');

-- The invitation e-mail: a message to the partner user about one invitation. The raw activation
-- token waits in the row only until the message is sent (then it is cleared).
alter table email_outbox
  add column partner_access_id uuid null references case_partner_access (id) on delete cascade,
  add column link_token text null check (length(link_token) between 20 and 100);

-- The chronology: the invitation, its change, its early end, its expiry, and a partner's
-- contribution (a note from the partner, visible to the case team).
insert into case_event_kinds (code) values
  ('partner_invited'), ('partner_access_changed'), ('partner_access_ended'),
  ('partner_access_expired'), ('partner_contribution');

alter table case_events drop constraint case_events_check;
alter table case_events add constraint case_events_note_text_kind
  check ((kind in ('note', 'partner_contribution')) = (note_text is not null));
