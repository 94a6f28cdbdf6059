-- Forums and meetings (issue 14): the foundation the meetings module builds on.
--
-- A forum gets a kind (what sort of forum it is) and a cadence (how often it meets). A meeting
-- belongs to one forum of one municipality; its participants are users (members of the forum,
-- partners invited as guests), and a named external person may be invited to one agenda item.
-- The agenda items point at the records they are about (an inquiry or a case) or are free
-- topics; the minutes (0046) hang on the meeting and its items.
--
-- Need-to-know: an agenda item about a record is shown only to participants who may see that
-- record (server/access), a guest sees only the item they were invited to. Items and minutes
-- about a record are deleted with it (on delete cascade) and archived first by the retention job.

alter table forums add column kind text not null default 'forum' check (kind in (
  -- Infohus Kommune: the coordinator and the police, in every organisation model.
  'infohus_kommune',
  -- The cross-disciplinary forum (SSP, social services, children and youth, jobcenter, police).
  'forum',
  -- The steering group: aggregates only.
  'steering_group',
  -- The police district's knowledge-sharing network: themes and anonymous figures only.
  'infohus_network',
  -- The team of a vulnerable housing area (area meetings, interdisciplinary meetings, knowledge sharing).
  'housing_area'
));
alter table forums add column cadence text null check (cadence in (
  'weekly', 'biweekly', 'monthly', 'quarterly', 'half_yearly'
));
-- Ends a forum's use without losing its meetings.
alter table forums add column archived_at timestamptz null;

-- The organisation model (the national mapping's three ways of organising the work): 1 the
-- coordinator model, 2 an ad hoc forum, 3 a standing forum with a steering group. Choosing a
-- model sets the defaults below (and triage_by, four_eyes, plan_approval of 0007/0011); an
-- administrator may adjust each. The existing defaults are model 1's.
alter table municipality_settings add column organisation_model smallint not null default 1
  check (organisation_model between 1 and 3);
-- Concerns are assessed in a forum meeting (models 2, 3) or by the coordinator alone (model 1).
alter table municipality_settings add column assessment_in_forum boolean not null default false;
-- The police join the forum always, or only for serious concerns.
alter table municipality_settings add column police_participation text not null default 'serious'
  check (police_participation in ('always', 'serious'));
-- Closed cases are re-reviewed at the forum's meetings (6 and 12 months after closure).
alter table municipality_settings add column re_review_at_meetings boolean not null default false;
-- The forum's usual cadence, proposed for new forums.
alter table municipality_settings add column meeting_cadence text not null default 'monthly'
  check (meeting_cadence in ('weekly', 'biweekly', 'monthly', 'quarterly', 'half_yearly'));
-- A case on hold longer than this many weeks is proposed for the forum's agenda.
alter table municipality_settings add column on_hold_agenda_weeks integer not null default 8
  check (on_hold_agenda_weeks between 1 and 104);

create table meetings (
  -- Chosen by the client, so that a repeated create is answered with the same meeting.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  forum_id uuid not null references forums (id) on delete cascade,
  meeting_type text not null check (meeting_type in (
    'infohus_kommune', 'forum', 'steering_group', 'infohus_network',
    'area_meeting', 'interdisciplinary', 'knowledge_sharing'
  )),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text null check (length(place) between 1 and 300),
  video_link text null check (length(video_link) between 1 and 500 and video_link ~ '^https://'),
  chair_user_id uuid null references users (id),
  note_taker_user_id uuid null references users (id),
  -- Meetings made together from the forum's cadence share a series id.
  series_id uuid null,
  -- A meeting entered after it was held, said so explicitly (a start in the past needs it).
  recorded_afterwards boolean not null default false,
  status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
  cancel_reason text null check (length(cancel_reason) between 1 and 1000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (ends_at > starts_at),
  check ((status = 'cancelled') = (cancel_reason is not null))
);
create index meetings_forum_idx on meetings (municipality_code, forum_id, starts_at);
create index meetings_upcoming_idx on meetings (municipality_code, starts_at) where status = 'planned';
create trigger meetings_tenant_key
  before insert or update of municipality_code, forum_id on meetings
  for each row execute function tenant_key_from_parents('forums', 'forum_id');

create table meeting_agenda_items (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  meeting_id uuid not null references meetings (id) on delete cascade,
  position integer not null check (position >= 1),
  kind text not null check (kind in (
    -- An inquiry handed to the forum and not yet decided.
    'inquiry',
    -- A case whose follow-up is due before the next meeting.
    'follow_up',
    -- A plan awaiting approval.
    'plan_approval',
    -- A re-review of a closed case (6 or 12 months).
    're_review',
    -- A case on hold for longer than the forum's limit.
    'on_hold',
    -- Another matter about a case the chair adds.
    'case',
    -- The numbers (steering group; counts without personal data).
    'numbers',
    -- A free topic or theme (the only kind in an Infohus network meeting).
    'topic'
  )),
  inquiry_id uuid null references inquiries (id) on delete cascade,
  case_id uuid null references cases (id) on delete cascade,
  -- The heading of a topic; for record items the product shows the record's reference.
  title text null check (length(title) between 1 and 300),
  description text null check (length(description) between 1 and 5000),
  -- When the work behind the item is due (the inquiry's deadline, the follow-up's date…).
  due_on date null,
  -- Proposed by the agenda builder, or added by the chair.
  source text not null default 'added' check (source in ('proposed', 'added', 'template')),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (num_nonnulls(inquiry_id, case_id) <= 1),
  check ((kind = 'inquiry') = (inquiry_id is not null)),
  check (kind not in ('follow_up', 'plan_approval', 're_review', 'on_hold', 'case') or case_id is not null),
  check (kind not in ('numbers', 'topic') or (case_id is null and inquiry_id is null and title is not null))
);
create index meeting_agenda_items_meeting_idx on meeting_agenda_items (meeting_id, position);
create index meeting_agenda_items_case_idx on meeting_agenda_items (case_id) where case_id is not null;
create index meeting_agenda_items_inquiry_idx on meeting_agenda_items (inquiry_id) where inquiry_id is not null;
create trigger meeting_agenda_items_tenant_key
  before insert or update of municipality_code, meeting_id, inquiry_id, case_id on meeting_agenda_items
  for each row execute function tenant_key_from_parents(
    'meetings', 'meeting_id', 'inquiries', 'inquiry_id', 'cases', 'case_id');

-- Who is invited: the forum's members, and guests (a partner or a colleague from outside the
-- forum), a guest to one agenda item only.
create table meeting_participants (
  meeting_id uuid not null references meetings (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('member', 'guest')),
  agenda_item_id uuid null references meeting_agenda_items (id) on delete cascade,
  invited_at timestamptz not null default now(),
  -- When the invitation e-mail was queued (null: not sent, e.g. no e-mail address).
  invitation_queued_at timestamptz null,
  -- Recorded in the minutes.
  attended boolean null,
  primary key (meeting_id, user_id),
  check ((kind = 'guest') = (agenda_item_id is not null))
);
create index meeting_participants_user_idx on meeting_participants (user_id, meeting_id);
create trigger meeting_participants_tenant_key
  before insert or update of municipality_code, meeting_id on meeting_participants
  for each row execute function tenant_key_from_parents('meetings', 'meeting_id');

-- A named person from outside the product invited to one agenda item (e.g. a school counsellor).
create table meeting_external_guests (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  meeting_id uuid not null references meetings (id) on delete cascade,
  agenda_item_id uuid not null references meeting_agenda_items (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  organisation text null check (length(organisation) between 1 and 200),
  email text null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
  invitation_queued_at timestamptz null,
  attended boolean null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index meeting_external_guests_meeting_idx on meeting_external_guests (meeting_id);
create trigger meeting_external_guests_tenant_key
  before insert or update of municipality_code, meeting_id on meeting_external_guests
  for each row execute function tenant_key_from_parents('meetings', 'meeting_id');
