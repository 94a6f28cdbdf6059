-- Case work (steps C and D of the path): the 360° assessment, the action plan with the citizen,
-- interventions and consent, offers of voluntary support, follow-ups with life-competence
-- ratings, closure and re-review. Every change appends a case_events row and its audit entries
-- in the same transaction (docs/SECURITY.md). Versioned documents (assessments, plans) keep every
-- version; nothing here is ever updated in place once finalised or approved.
--
-- The product records professional judgements only: `concern_level` is always chosen by a
-- person, never computed.

-- The classification from the inquiry decision travels with the case and can be edited (with
-- history in case_events). The concern level is the professionals' current judgement.
alter table cases add column age_group text null check (age_group in ('under_18', 'adult', 'unknown'));
alter table cases add column authority_area text null check (authority_area in ('inside', 'outside'));
alter table cases add column primary_concern boolean null;
alter table cases add column subject_kind text null check (subject_kind in ('person', 'persons', 'group', 'family'));
alter table cases add column environment text null check (environment in ('physical', 'online', 'both'));
alter table cases add column concern_level text null check (concern_level in ('low', 'moderate', 'high'));
alter table cases add column closed_at timestamptz null;

alter table case_events drop constraint case_events_kind_check;
alter table case_events add constraint case_events_kind_check check (
  kind in (
    'note', 'status_changed', 'classification_changed', 'member_added', 'member_removed', 'opened',
    'assessment_started', 'assessment_updated', 'assessment_finalised',
    'plan_drafted', 'plan_submitted', 'plan_approved', 'plan_rejected',
    'intervention_added', 'intervention_changed', 'intervention_session', 'consent_recorded',
    'consent_withdrawn', 'offer_made', 'offer_answered',
    'follow_up_scheduled', 'follow_up_recorded',
    'closure_proposed', 'closure_approved', 'closure_rejected',
    'review_recorded', 'reopened'
  )
);

-- 360° assessment (udredning) after NCFE's assessment tool: nine dimensions, each through the
-- lenses "risk and threat" and "wellbeing and resilience". A new version starts from the previous
-- one (based_on_id); a final version is never edited, only superseded by the next final one.
create table case_assessments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  number integer not null check (number >= 1),
  based_on_id uuid null references case_assessments (id),
  status text not null default 'draft' check (status in ('draft', 'final', 'superseded')),
  -- { "<dimension>": { "risk": text|null, "wellbeing": text|null } } for the nine dimensions.
  dimensions jsonb not null default '{}',
  -- Lists of short texts.
  risk_factors jsonb not null default '[]',
  protective_factors jsonb not null default '[]',
  resources text null check (length(resources) <= 4000),
  citizen_perspective text null check (length(citizen_perspective) <= 4000),
  sources text null check (length(sources) <= 4000),
  overall_judgement text null check (length(overall_judgement) <= 8000),
  concern_level text null check (concern_level in ('low', 'moderate', 'high')),
  recommended_interventions text null check (length(recommended_interventions) <= 4000),
  intervention_targets text null check (length(intervention_targets) <= 4000),
  follow_up_interval_days integer null check (follow_up_interval_days between 7 and 365),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finalised_by uuid null references users (id),
  finalised_at timestamptz null,
  version integer not null default 1,
  unique (case_id, number),
  check ((status = 'draft') = (finalised_at is null))
);
create unique index case_assessments_one_draft_idx on case_assessments (case_id) where status = 'draft';

-- The action plan (handleplan, tool 5 "goals and agreements"), versioned. Goals are a JSON list
-- with stable keys across versions, so follow-ups and closure can refer to them:
-- [{ "key": uuid, "parentKey": uuid|null, "text", "responsible": { "userId" } | { "name" },
--    "targetDate": "YYYY-MM-DD", "status": "not_started|in_progress|achieved|partly_achieved|not_achieved|dropped" }]
create table case_plans (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  number integer not null check (number >= 1),
  based_on_id uuid null references case_plans (id),
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'approved', 'rejected', 'superseded')),
  purpose text null check (length(purpose) <= 4000),
  goals jsonb not null default '[]',
  -- Agreements made with the citizen: a JSON list of short texts.
  agreements jsonb not null default '[]',
  citizen_wishes text null check (length(citizen_wishes) <= 4000),
  citizen_participated boolean null,
  starts_on date null,
  ends_on date null,
  next_follow_up_on date null,
  follow_up_interval_days integer null check (follow_up_interval_days between 7 and 365),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_by uuid null references users (id),
  submitted_at timestamptz null,
  decided_by uuid null references users (id),
  decided_at timestamptz null,
  -- Model 3: the steering group approved it at this meeting (recorded by the coordinator).
  steering_group_meeting_on date null,
  decision_comment text null check (length(decision_comment) <= 2000),
  version integer not null default 1,
  unique (case_id, number),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create unique index case_plans_one_open_idx on case_plans (case_id)
  where status in ('draft', 'submitted');

-- Who plans must be approved by: the case's coordinator (default) or the steering group (model 3).
alter table municipality_settings add column plan_approval text not null default 'coordinator'
  check (plan_approval in ('coordinator', 'steering_group'));

-- A simple consent record (the full consent tool comes later): who consented to what, when.
create table case_consents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  person_id uuid not null references persons (id),
  -- Who gave it: the person, or the holder of parental responsibility.
  given_by text not null check (given_by in ('person', 'guardian')),
  purpose text not null check (length(purpose) between 1 and 1000),
  method text not null check (method in ('written', 'oral')),
  given_on date not null,
  withdrawn_on date null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index case_consents_case_idx on case_consents (case_id, person_id);

-- Interventions in the case, each for the citizen or a named person around them, from the
-- municipality's catalogue. A provider who is a user (e.g. a mentor) becomes a case member with
-- scope 'intervention' and sees only the interventions they provide.
create table case_interventions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  intervention_type_id uuid not null references intervention_types (id),
  person_id uuid not null references persons (id),
  provider_user_id uuid null references users (id),
  provider_name text null check (length(provider_name) between 1 and 200),
  status text not null default 'planned'
    check (status in ('planned', 'active', 'paused', 'ended', 'cancelled')),
  -- What the intervention must target (from the assessment).
  purpose text null check (length(purpose) <= 2000),
  starts_on date null,
  ends_on date null,
  end_reason text null check (length(end_reason) <= 2000),
  consent_id uuid null references case_consents (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index case_interventions_case_idx on case_interventions (case_id, created_at);
create index case_interventions_provider_idx on case_interventions (provider_user_id, case_id)
  where provider_user_id is not null;

create table intervention_sessions (
  id uuid primary key default gen_random_uuid(),
  intervention_id uuid not null references case_interventions (id) on delete cascade,
  held_on date not null,
  note text not null check (length(note) between 1 and 10000),
  author_user_id uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index intervention_sessions_idx on intervention_sessions (intervention_id, held_on desc, id);

-- Offers of voluntary one-to-one support (mentor, parent coach). A declined first offer schedules
-- renewed offers at 3 and at 6 months (round 2 and 3), which stay tasks until answered.
create table case_offers (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  person_id uuid not null references persons (id),
  kind text not null check (kind in ('mentor', 'parent_coach', 'other')),
  intervention_type_id uuid null references intervention_types (id),
  round integer not null default 1 check (round between 1 and 3),
  first_offer_id uuid null references case_offers (id),
  -- scheduled: a renewal not yet made; open: made, waiting for the answer.
  status text not null default 'open'
    check (status in ('scheduled', 'open', 'accepted', 'declined', 'cancelled')),
  due_on date null,
  offered_on date null,
  answered_on date null,
  note text null check (length(note) <= 2000),
  notified_at timestamptz null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  -- A scheduled renewal has not been made yet; an open or answered offer has. A cancelled
  -- renewal may never have been made.
  check (status <> 'scheduled' or offered_on is null),
  check (status not in ('open', 'accepted', 'declined') or offered_on is not null),
  check ((round = 1) = (first_offer_id is null))
);
create index case_offers_case_idx on case_offers (case_id, created_at);
create index case_offers_due_idx on case_offers (due_on) where status = 'scheduled';

-- Follow-ups, scheduled from the plan's frequency (more often at the start) and recorded with the
-- concern level re-judged, goal progress and optional life-competence ratings (1–4 each).
create table case_follow_ups (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  plan_id uuid null references case_plans (id),
  due_on date not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'done', 'cancelled')),
  held_on date null,
  concern_level text null check (concern_level in ('low', 'moderate', 'high')),
  concern_change text null check (concern_change in ('up', 'same', 'down')),
  summary text null check (length(summary) <= 8000),
  -- [{ "goalKey": uuid, "status": ..., "note": text|null }]
  goal_progress jsonb not null default '[]',
  -- { "network": 1..4, "frames": ..., ... } for the ten life competences; absent = not rated.
  competences jsonb null,
  recorded_by uuid null references users (id),
  recorded_at timestamptz null,
  notified_at timestamptz null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'done') = (held_on is not null))
);
create index case_follow_ups_case_idx on case_follow_ups (case_id, due_on);
create index case_follow_ups_due_idx on case_follow_ups (due_on) where status = 'scheduled';

-- Closure: proposed with an outcome, a reason, each goal's status and what happens to open
-- interventions; approved (or sent back) by a coordinator of the case.
create table case_closures (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  outcome text not null
    check (outcome in ('handled', 'transferred', 'police', 'moved', 'contact_lost', 'other')),
  transferred_unit_id uuid null references units (id),
  outcome_other text null check (length(outcome_other) between 1 and 500),
  reason text not null check (length(reason) between 1 and 4000),
  -- [{ "goalKey": uuid, "status": ... }]
  goal_statuses jsonb not null default '[]',
  -- [{ "interventionId": uuid, "disposition": "end" | "continue_outside" }]
  intervention_dispositions jsonb not null default '[]',
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by uuid not null references users (id),
  proposed_at timestamptz not null default now(),
  decided_by uuid null references users (id),
  decided_at timestamptz null,
  decision_comment text null check (length(decision_comment) <= 2000),
  check ((outcome = 'transferred') = (transferred_unit_id is not null)),
  check ((outcome = 'other') = (outcome_other is not null))
);
create unique index case_closures_one_proposed_idx on case_closures (case_id) where status = 'proposed';

-- Re-reviews 6 and 12 months after closure: confirm the closure or reopen the case. The outcome
-- fields feed the effect goals (domain §8).
create table case_reviews (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  closure_id uuid not null references case_closures (id),
  months integer not null check (months in (6, 12)),
  due_on date not null,
  status text not null default 'scheduled'
    check (status in ('scheduled', 'confirmed', 'reopened', 'cancelled')),
  held_on date null,
  reason text null check (length(reason) <= 4000),
  -- Judged no longer at risk (asked at 6 months).
  no_longer_at_risk boolean null,
  -- In education or work (asked at 12 months, after mentoring).
  in_education_or_work boolean null,
  decided_by uuid null references users (id),
  decided_at timestamptz null,
  notified_at timestamptz null,
  version integer not null default 1,
  unique (closure_id, months)
);
create index case_reviews_due_idx on case_reviews (due_on) where status = 'scheduled';

-- Notifications may point at a follow-up, offer or review through details; nothing new needed.
