-- The organisation model as configuration, and the police's feedback (issue 14 parts 1 and 8).
--
-- Choosing an organisation model (0044) applies its defaults to the settings in one change; who
-- changed the settings last is kept beside when (the audit trail keeps every change).
alter table municipality_settings add column updated_by uuid null references users (id);

-- What the police may tell the municipality about an inquiry handed to them (a decision with
-- outcome 'police'): a choice from a fixed list and an optional short text. Sent by a police
-- contact of the police district the municipality belongs to; it lands in the inquiry's
-- chronology and as a task for the municipality's coordinators until one of them marks it read.
create table police_feedback (
  -- Chosen by the client, so that a repeated send is answered with the same feedback.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  kind text not null check (kind in (
    -- The police take no further action.
    'no_police_action',
    -- The municipality may continue with a preventive course.
    'municipality_may_continue',
    -- The police take over; the municipality waits.
    'police_take_over',
    -- Something else (the text says what).
    'other'
  )),
  note text null check (length(note) between 1 and 1000),
  sent_by uuid not null references users (id),
  sent_at timestamptz not null default now(),
  -- A coordinator of the municipality has read it (ends the task).
  read_by uuid null references users (id),
  read_at timestamptz null,
  version integer not null default 1,
  check ((read_by is null) = (read_at is null)),
  check (kind <> 'other' or note is not null)
);
create index police_feedback_inquiry_idx on police_feedback (inquiry_id, sent_at);
create index police_feedback_unread_idx on police_feedback (municipality_code, sent_at)
  where read_at is null;
create trigger police_feedback_tenant_key
  before insert or update of municipality_code, inquiry_id on police_feedback
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');
