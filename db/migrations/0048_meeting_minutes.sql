-- The minutes of a meeting (issue 14 part 4): what was assessed and decided per agenda item, who
-- was present (meeting_participants.attended and meeting_external_guests.attended of 0044), and
-- the tasks the meeting gave out. Owned by server/modules/meetings (minutes-*.ts).
--
-- Versions: a meeting's minutes start as draft version 1, which the note-taker (or the chair)
-- writes; the chair approves it, and an approved version is never changed again. A correction is
-- a new draft version (a copy of the latest approved one) that is approved in its turn; every
-- earlier version stays readable. At most one draft per meeting.
--
-- A decision recorded in the minutes is made through the module that owns the record (the
-- inquiry's decision, the case's follow-up, closure, review, plan or intervention) in the same
-- transaction, so the minutes item only notes what was done and where (`action_kind`,
-- `action_resource_id`). Free text in the minutes of an Infohus network meeting is refused when
-- it looks like a CPR number or a record reference, and the chair confirms before approving that
-- they hold no personal data (who and when is stored).

create table meeting_minutes (
  -- Chosen by the client, so that a repeated create answers with the same version.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  meeting_id uuid not null references meetings (id) on delete cascade,
  version_no integer not null check (version_no >= 1),
  status text not null default 'draft' check (status in ('draft', 'approved')),
  -- Why a correction replaces the version before it (null for version 1).
  correction_reason text null check (length(correction_reason) between 1 and 2000),
  approved_by uuid null references users (id),
  approved_at timestamptz null,
  -- The chair's confirmation that the minutes hold no personal data (Infohus network).
  no_personal_data_confirmed_by uuid null references users (id),
  no_personal_data_confirmed_at timestamptz null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (meeting_id, version_no),
  check ((status = 'approved') = (approved_at is not null)),
  check ((approved_by is null) = (approved_at is null)),
  check ((no_personal_data_confirmed_by is null) = (no_personal_data_confirmed_at is null)),
  check ((version_no = 1) = (correction_reason is null))
);
create unique index meeting_minutes_one_draft_idx on meeting_minutes (meeting_id)
  where status = 'draft';
create trigger meeting_minutes_tenant_key
  before insert or update of municipality_code, meeting_id on meeting_minutes
  for each row execute function tenant_key_from_parents('meetings', 'meeting_id');

-- Per agenda item of one version: what was assessed, the decision in words, and what the
-- decision did on the record (when it acted).
create table meeting_minutes_items (
  minutes_id uuid not null references meeting_minutes (id) on delete cascade,
  agenda_item_id uuid not null references meeting_agenda_items (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  assessed text null check (length(assessed) between 1 and 8000),
  decision text null check (length(decision) between 1 and 8000),
  action_kind text null check (action_kind in (
    'inquiry_decision', 'concern_level', 'review', 'closure_proposed', 'closure_approved',
    'plan_approved', 'intervention_added'
  )),
  -- The row the owning module made (the decision, follow-up, closure, review, plan, intervention).
  action_resource_id text null check (length(action_resource_id) between 1 and 100),
  acted_by uuid null references users (id),
  acted_at timestamptz null,
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now(),
  primary key (minutes_id, agenda_item_id),
  check ((action_kind is null) = (acted_at is null)),
  check ((action_kind is null) = (acted_by is null))
);
create index meeting_minutes_items_item_idx on meeting_minutes_items (agenda_item_id);
create trigger meeting_minutes_items_tenant_key
  before insert or update of municipality_code, minutes_id on meeting_minutes_items
  for each row execute function tenant_key_from_parents('meeting_minutes', 'minutes_id');

-- A task the meeting gave out: what, who is responsible, by when, the record it concerns (the
-- responsible person must be able to see it), and when it was done. It appears in the
-- responsible person's "Mine opgaver" and in the record's chronology.
create table meeting_minutes_tasks (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  meeting_id uuid not null references meetings (id) on delete cascade,
  -- The version it was recorded in.
  minutes_id uuid not null references meeting_minutes (id) on delete cascade,
  agenda_item_id uuid null references meeting_agenda_items (id) on delete cascade,
  case_id uuid null references cases (id) on delete cascade,
  inquiry_id uuid null references inquiries (id) on delete cascade,
  description text not null check (length(description) between 1 and 2000),
  responsible_user_id uuid not null references users (id),
  due_on date not null,
  done_at timestamptz null,
  done_by uuid null references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (num_nonnulls(case_id, inquiry_id) <= 1),
  check ((done_at is null) = (done_by is null))
);
create index meeting_minutes_tasks_meeting_idx on meeting_minutes_tasks (meeting_id);
create index meeting_minutes_tasks_open_idx on meeting_minutes_tasks
  (municipality_code, responsible_user_id, due_on) where done_at is null;
create index meeting_minutes_tasks_case_idx on meeting_minutes_tasks (case_id)
  where case_id is not null;
create index meeting_minutes_tasks_inquiry_idx on meeting_minutes_tasks (inquiry_id)
  where inquiry_id is not null;
create trigger meeting_minutes_tasks_tenant_key
  before insert or update of municipality_code, meeting_id, case_id, inquiry_id
  on meeting_minutes_tasks
  for each row execute function tenant_key_from_parents(
    'meetings', 'meeting_id', 'cases', 'case_id', 'inquiries', 'inquiry_id');

-- The chronology's new kinds: a decision the meeting made on the case (the owning module writes
-- its own event as well; this one names the meeting) and a task the meeting gave out.
insert into case_event_kinds (code) values ('meeting_decision_recorded'), ('meeting_task_created');
