-- Concern inquiries (bekymringshenvendelser): intake, triage against a deadline, the initial
-- assessment and its decision (steps A and B of the path of a concern).
--
-- Need-to-know: an inquiry is visible to the coordinators of its municipality and to the members
-- of the forum handling it, nobody else (not even the person who recorded it, who gets a
-- receipt). The observation, the concern signs, the contributions and the decision's
-- classification are compartment content.

create table municipality_settings (
  municipality_code char(3) primary key references municipalities (code),
  deadline_hours_high integer not null default 24 check (deadline_hours_high between 1 and 720),
  deadline_hours_medium integer not null default 48 check (deadline_hours_medium between 1 and 720),
  deadline_hours_low integer not null default 72 check (deadline_hours_low between 1 and 720),
  -- Who sets the seriousness: the coordinator, or the forum (model 2 and 3).
  triage_by text not null default 'coordinator' check (triage_by in ('coordinator', 'forum')),
  -- Model 3: a second coordinator approves each decision.
  four_eyes boolean not null default false,
  -- Personal data of a "no concern" inquiry is archived and deleted after this many days.
  no_concern_retention_days integer not null default 180 check (no_concern_retention_days between 1 and 3650),
  -- How long before a deadline the reminder goes out.
  reminder_hours integer not null default 4 check (reminder_hours between 1 and 48),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- Hotline staff record inquiries and see nothing afterwards (a receipt only).
alter table users drop constraint users_roles_check;
alter table users add constraint users_roles_check check (
  cardinality(roles) >= 1 and roles <@ array[
    'system_admin', 'municipal_admin', 'coordinator', 'forum_member', 'caseworker',
    'police_contact', 'mentor', 'leader', 'analyst', 'data_protection', 'hotline'
  ]::text[]
);

-- E-mail for notifications (optional; sent only when SMTP is configured).
alter table users add column email text null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254);

-- Persons: duplicate detection by CPR without decrypting (HMAC with the secret key), merging.
alter table persons add column cpr_digest text null;
alter table persons add column merged_into uuid null references persons (id);
alter table persons add column archive_after timestamptz null;
create index persons_cpr_digest_idx on persons (municipality_code, cpr_digest) where cpr_digest is not null;
create index persons_birth_idx on persons (municipality_code, birth_date);

create table person_relations (
  person_id uuid not null references persons (id) on delete cascade,
  related_person_id uuid not null references persons (id) on delete cascade,
  -- related_person_id is the person_id's <relation>, e.g. parent.
  relation text not null check (relation in ('parent', 'child', 'sibling', 'younger_sibling', 'spouse', 'friend', 'other')),
  created_at timestamptz not null default now(),
  primary key (person_id, related_person_id),
  check (person_id <> related_person_id)
);
create index person_relations_related_idx on person_relations (related_person_id);

create table inquiries (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  reference text not null check (reference ~ '^H-[0-9]{4}-[0-9]{4,6}$'),
  status text not null default 'received'
    check (status in ('received', 'triaged', 'awaiting_approval', 'decided')),
  source text not null check (source in ('relative', 'friend', 'mentor', 'housing_social_worker',
    'teacher', 'social_worker', 'police', 'other_municipality', 'national_hotline', 'self',
    'anonymous', 'other')),
  source_other text null check (length(source_other) <= 200),
  channel text not null check (channel in ('phone', 'email', 'meeting', 'hotline', 'letter')),
  reporter_anonymous boolean not null default false,
  reporter_name text null check (length(reporter_name) <= 200),
  reporter_contact text null check (length(reporter_contact) <= 200),
  received_at timestamptz not null,
  -- Compartment: what was observed, in the reporter's words.
  observation text not null check (length(observation) between 1 and 10000),
  subject_kind text not null check (subject_kind in ('person', 'persons', 'group', 'family')),
  group_description text null check (length(group_description) <= 500),
  immediate_danger boolean not null default false,
  urgent boolean not null default false,
  -- Null until triaged; until then the shortest deadline applies, so nothing waits unseen.
  seriousness text null check (seriousness in ('high', 'medium', 'low')),
  deadline_at timestamptz not null,
  forum_id uuid null references forums (id),
  -- The unit of the staff member who recorded it (the inbox filters by it).
  recorded_unit_id uuid null references units (id),
  reminder_sent_at timestamptz null,
  overdue_notified_at timestamptz null,
  case_id uuid null references cases (id),
  created_by uuid not null references users (id),
  idempotency_key text null check (length(idempotency_key) between 8 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (municipality_code, reference),
  unique (created_by, idempotency_key)
);
-- The inbox: open inquiries of a municipality by deadline (keyset on deadline_at, id).
create index inquiries_inbox_idx on inquiries (municipality_code, status, deadline_at, id);
create index inquiries_received_idx on inquiries (municipality_code, received_at desc, id desc);
create index inquiries_deadline_job_idx on inquiries (deadline_at) where status in ('received', 'triaged', 'awaiting_approval');

create table inquiry_persons (
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  person_id uuid not null references persons (id),
  -- 0 is the person the inquiry is mainly about; relations are recorded from that person.
  position smallint not null default 0 check (position between 0 and 99),
  primary key (inquiry_id, person_id)
);
create index inquiry_persons_person_idx on inquiry_persons (person_id);

create table inquiry_signs (
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  sign_code text not null check (length(sign_code) between 1 and 50),
  note text null check (length(note) <= 1000),
  primary key (inquiry_id, sign_code)
);

create table inquiry_contributions (
  id uuid primary key default gen_random_uuid(),
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  author_user_id uuid not null references users (id),
  unit_id uuid null references units (id),
  legal_basis text not null default 'rpl_115'
    check (legal_basis in ('rpl_115', 'rpl_115a', 'value_leap', 'consent', 'serviceloven', 'other')),
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
create index inquiry_contributions_inquiry_idx on inquiry_contributions (inquiry_id, created_at);

create table inquiry_decisions (
  id uuid primary key default gen_random_uuid(),
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  outcome text not null check (outcome in ('no_concern', 'other_concern', 'radicalisation', 'police')),
  reason text not null check (length(reason) between 1 and 4000),
  referred_unit_id uuid null references units (id),
  passed_on text null check (length(passed_on) <= 2000),
  police_handed_at timestamptz null,
  police_recipient text null check (length(police_recipient) <= 200),
  municipality_keeps text null check (length(municipality_keeps) <= 2000),
  -- Classification (compartment).
  extremism_form text null check (extremism_form in ('militant_islamism', 'right_wing', 'left_wing', 'other')),
  extremism_form_other text null check (length(extremism_form_other) <= 200),
  age_group text not null check (age_group in ('under_18', 'adult', 'unknown')),
  authority_area text null check (authority_area in ('inside', 'outside')),
  primary_concern boolean null,
  subject_kind text not null check (subject_kind in ('person', 'persons', 'group', 'family')),
  environment text null check (environment in ('physical', 'online', 'both')),
  -- final: in force; pending: waiting for a second coordinator (four-eyes); rejected: sent back.
  status text not null check (status in ('pending', 'final', 'rejected', 'superseded')),
  decided_by uuid not null references users (id),
  decided_at timestamptz not null default now(),
  reviewed_by uuid null references users (id),
  reviewed_at timestamptz null,
  review_comment text null check (length(review_comment) <= 2000),
  case_id uuid null references cases (id),
  check (reviewed_by is null or reviewed_by <> decided_by)
);
create index inquiry_decisions_inquiry_idx on inquiry_decisions (inquiry_id, decided_at);
create unique index inquiry_decisions_one_live_idx on inquiry_decisions (inquiry_id)
  where status in ('pending', 'final');

-- The chronology: every change, who and when, with the fields changed (from → to).
create table inquiry_events (
  id bigint generated always as identity primary key,
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid null references users (id),
  kind text not null check (length(kind) between 1 and 50),
  changes jsonb not null default '{}'
);
create index inquiry_events_inquiry_idx on inquiry_events (inquiry_id, id);

-- Intake drafts, server-side (a shared PC must not keep personal data in the browser), encrypted,
-- visible to their author only; deleted when the inquiry is submitted.
create table inquiry_drafts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  content_enc text not null,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index inquiry_drafts_user_idx on inquiry_drafts (user_id, updated_at desc);

alter table notifications add column inquiry_id uuid null references inquiries (id) on delete cascade;

-- E-mail notifications waiting to be sent by the background job (when SMTP is configured).
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (length(kind) between 1 and 100),
  inquiry_id uuid null references inquiries (id) on delete cascade,
  created_at timestamptz not null default now(),
  sent_at timestamptz null,
  attempts integer not null default 0,
  last_error text null check (length(last_error) <= 500)
);
create index email_outbox_pending_idx on email_outbox (created_at) where sent_at is null;

-- The sequence behind each municipality's references (H-2026-0001, S-2026-0001): one row per
-- municipality, kind and year, incremented in the creating transaction.
create table reference_counters (
  municipality_code char(3) not null references municipalities (code),
  kind text not null check (kind in ('H', 'S')),
  year integer not null,
  last_number integer not null default 0,
  primary key (municipality_code, kind, year)
);
