-- Meeting the citizen (issue 15 parts 1–4; NCFE's four steps: contact, preparation, the meeting,
-- rounding off). Owned by server/modules/citizen-meetings. Both tables belong to one case or one
-- inquiry (exactly one of the two), cascade with it, and carry its tenant key. The value lists are
-- shared/citizen-meetings.ts. See docs/CITIZEN_MEETINGS.md.

-- Step 1, the contact bar: each try to reach the citizen, in order, with its outcome and the next
-- try (a task in "Mine opgaver" for `next_by` while no later try is recorded). Rows are never
-- changed: a correction is a new try.
create table citizen_contact_attempts (
  -- Chosen by the client: the same id sent again answers the try already there.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid null references cases (id) on delete cascade,
  inquiry_id uuid null references inquiries (id) on delete cascade,
  attempted_on date not null,
  channel text not null check (
    channel in ('phone', 'text', 'letter', 'home_visit', 'bridge_builder', 'known_professional')
  ),
  tried_by uuid not null references users (id),
  -- The bridge-builder described by role ("her aunt"), never registered as a person.
  bridge_builder text null check (char_length(bridge_builder) between 1 and 200),
  outcome text not null check (outcome in ('no_answer', 'refused', 'agreed_to_meet', 'contact_made')),
  note text null check (char_length(note) between 1 and 2000),
  next_step text null check (char_length(next_step) between 1 and 500),
  next_on date null,
  next_by uuid null references users (id),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check ((case_id is null) <> (inquiry_id is null)),
  check (channel <> 'bridge_builder' or bridge_builder is not null),
  check ((next_on is null) = (next_by is null))
);
create index citizen_contact_attempts_case_idx
  on citizen_contact_attempts (case_id, municipality_code, attempted_on, recorded_at)
  where case_id is not null;
create index citizen_contact_attempts_inquiry_idx
  on citizen_contact_attempts (inquiry_id, municipality_code, attempted_on, recorded_at)
  where inquiry_id is not null;
-- "Mine opgaver": the next tries a user is to make.
create index citizen_contact_attempts_next_idx
  on citizen_contact_attempts (next_by, next_on) where next_by is not null;
create trigger citizen_contact_attempts_tenant_key
  before insert or update of municipality_code, case_id, inquiry_id on citizen_contact_attempts
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'inquiries', 'inquiry_id');

-- Steps 2–4: one meeting with the citizen — its preparation (with the risk check before the
-- meeting: items answered yes/no/unknown with notes and the professional's own conclusion, never
-- a score), the meeting and its rounding off (perspective, stage of change, summary, agreements,
-- rights told, the lifeline, the next meeting), and the team's reflection afterwards.
create table citizen_meetings (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid null references cases (id) on delete cascade,
  inquiry_id uuid null references inquiries (id) on delete cascade,
  version integer not null default 1,
  -- Preparation.
  planned_on date null,
  purpose text not null check (
    purpose in ('clarify_concern', 'build_motivation', 'follow_up_plan', 'other')
  ),
  expected_outcome text null check (char_length(expected_outcome) between 1 and 2000),
  agenda text null check (char_length(agenda) between 1 and 2000),
  place text null check (char_length(place) between 1 and 200),
  place_reason text null check (char_length(place_reason) between 1 and 2000),
  roles text null check (char_length(roles) between 1 and 2000),
  colleague_check_by uuid null references users (id),
  colleague_check_outcome text null check (char_length(colleague_check_outcome) between 1 and 2000),
  communication_approach text null check (char_length(communication_approach) between 1 and 2000),
  -- {"known_violence": {"answer": "yes"|"no"|"unknown", "note": "…"|null}, …}; an item left out
  -- is unanswered (the meeting cannot be marked held until every item is answered).
  risk_check jsonb not null default '{}',
  risk_conclusion text null check (char_length(risk_conclusion) between 1 and 2000),
  precautions text null check (char_length(precautions) between 1 and 2000),
  prepared_by uuid not null references users (id),
  -- The meeting and its rounding off.
  held_on date null,
  citizen_perspective text null check (char_length(citizen_perspective) between 1 and 4000),
  stage_of_change text null check (
    stage_of_change in (
      'precontemplation', 'contemplation', 'preparation', 'action', 'maintenance', 'relapse'
    )
  ),
  summary text null check (char_length(summary) between 1 and 4000),
  agreements text null check (char_length(agreements) between 1 and 4000),
  rights_told text[] not null default '{}',
  lifeline_who text null check (char_length(lifeline_who) between 1 and 200),
  lifeline_phone text null check (char_length(lifeline_phone) between 1 and 40),
  lifeline_email text null check (char_length(lifeline_email) between 3 and 200),
  lifeline_address text null check (char_length(lifeline_address) between 1 and 300),
  lifeline_when text null check (char_length(lifeline_when) between 1 and 300),
  next_meeting_on date null,
  held_recorded_by uuid null references users (id),
  -- The reflection afterwards (the team's with the compartment).
  reflection_worked text null check (char_length(reflection_worked) between 1 and 4000),
  reflection_change text null check (char_length(reflection_change) between 1 and 4000),
  reflection_motivation text null check (char_length(reflection_motivation) between 1 and 4000),
  reflection_resistance text null check (char_length(reflection_resistance) between 1 and 4000),
  reflected_by uuid null references users (id),
  reflected_at timestamptz null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((case_id is null) <> (inquiry_id is null)),
  check (jsonb_typeof(risk_check) = 'object'),
  -- A summary, a lifeline or a stage only once the meeting took place.
  check (
    held_on is not null
    or (summary is null and agreements is null and citizen_perspective is null
      and stage_of_change is null and lifeline_who is null)
  ),
  -- A lifeline names a way to reach the person.
  check (
    lifeline_who is null
    or lifeline_phone is not null or lifeline_email is not null or lifeline_address is not null
  )
);
create index citizen_meetings_case_idx
  on citizen_meetings (case_id, municipality_code, created_at) where case_id is not null;
create index citizen_meetings_inquiry_idx
  on citizen_meetings (inquiry_id, municipality_code, created_at) where inquiry_id is not null;
create trigger citizen_meetings_tenant_key
  before insert or update of municipality_code, case_id, inquiry_id on citizen_meetings
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'inquiries', 'inquiry_id');

-- The chronology's new kinds.
insert into case_event_kinds (code) values
  ('contact_attempt_recorded'),
  ('citizen_meeting_prepared'),
  ('citizen_meeting_held'),
  ('citizen_meeting_reflected');
