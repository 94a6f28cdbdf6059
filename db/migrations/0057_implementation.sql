-- The implementation follow-up tool and the municipality's self-profile (issue 16 part 6; seed
-- housing-area-model-webpage.txt "Opfølgningsværktøj til implementering" and
-- model-criminal-to-extremist-recruitment.txt, the leadership checklist and the model's parts and
-- steps; national-mapping-of-municipal-efforts-2018.txt for the self-profile's questions).
--
-- Municipality-level, not per area, and no personal data: the items are about the
-- municipality's organisation (who is responsible is a member of staff or a role). Owned by
-- server/modules/implementation; the item list itself is defined in code
-- (shared/implementation.ts, stable keys); a row exists once an item has been changed (an item
-- without a row is "not started").
create table implementation_items (
  municipality_code char(3) not null references municipalities (code),
  -- A key of IMPLEMENTATION_ITEMS (shared/implementation.ts).
  item_key text not null check (item_key ~ '^[a-z0-9_]{2,60}$'),
  status text not null check (status in ('not_started', 'under_way', 'in_place', 'not_relevant')),
  -- Required when the item is not relevant (the service refuses it otherwise).
  not_relevant_reason text null check (length(not_relevant_reason) between 1 and 1000),
  -- A user of the municipality, or a role or organisation as text, or neither.
  responsible_user_id uuid null references users (id),
  responsible_text text null check (length(responsible_text) between 1 and 200),
  -- What shows the item's status ("referat fra styregruppen 3/9").
  evidence text null check (length(evidence) between 1 and 2000),
  next_review_on date null,
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_code, item_key),
  check (status <> 'not_relevant' or not_relevant_reason is not null)
);
create index implementation_items_review_idx on implementation_items (municipality_code, next_review_on)
  where next_review_on is not null;

-- Every change of an item: who, when, the fields before and after (the item's own values only).
create table implementation_item_changes (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  item_key text not null check (item_key ~ '^[a-z0-9_]{2,60}$'),
  changed_by uuid not null references users (id),
  changed_at timestamptz not null default now(),
  -- The item's fields before (null for its first change) and after, as stored.
  old_values jsonb null,
  new_values jsonb not null
);
create index implementation_item_changes_idx
  on implementation_item_changes (municipality_code, item_key, changed_at desc, id);

-- A review of the checklist as a whole: when, who, a short conclusion, and the next review's
-- date (the latest review's date is the checklist's; due: a task for the coordinators).
create table implementation_reviews (
  -- Chosen by the client, so that a repeated create is answered with the same review.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  reviewed_on date not null,
  reviewed_by uuid not null references users (id),
  conclusion text not null check (length(conclusion) between 1 and 2000),
  next_review_on date not null,
  created_at timestamptz not null default now()
);
create index implementation_reviews_idx on implementation_reviews (municipality_code, created_at desc, id);

-- The municipality's self-profile, versioned: each save is a new version, never changed.
create table implementation_profiles (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  number integer not null check (number >= 1),
  -- The answers (shape: ProfileAnswersSchema in shared/implementation.ts).
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  saved_by uuid not null references users (id),
  saved_at timestamptz not null default now(),
  unique (municipality_code, number)
);
