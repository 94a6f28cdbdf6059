-- Reports about children (underretninger efter Barnets lov, issue 12 part 8).
--
-- Legal provisions are data, not code (docs/INQUIRIES.md, "Reports about children"): each
-- municipality has its own rows, seeded here for the municipalities that exist and read with the
-- same defaults for a municipality without rows (server/modules/inquiries/provisions.ts). The
-- municipality's lawyer confirms them; until then `confirmed` is false and the page says so.
create table legal_provisions (
  municipality_code char(3) not null references municipalities (code),
  key text not null check (key in ('professional_report', 'citizen_report', 'acknowledgement', 'immediate_help')),
  name_da text not null check (length(name_da) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  law text not null check (length(law) between 1 and 100),
  section text not null check (length(section) between 1 and 40),
  valid_from date not null,
  valid_to date null check (valid_to is null or valid_to > valid_from),
  -- The deadline the provision sets, in real hours or in weekdays (Monday to Friday).
  deadline_hours integer null check (deadline_hours between 1 and 720),
  deadline_workdays integer null check (deadline_workdays between 1 and 60),
  confirmed boolean not null default false,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_code, key)
);
create trigger legal_provisions_tenant_key_unchanged before update of municipality_code on legal_provisions
  for each row execute function tenant_key_unchanged();

insert into legal_provisions (municipality_code, key, name_da, name_en, law, section, valid_from, deadline_hours, deadline_workdays)
select m.code, v.key, v.name_da, v.name_en, 'Barnets lov', v.section, date '2024-01-01', v.hours, v.workdays
from municipalities m
cross join (values
  ('professional_report', 'Skærpet underretningspligt for fagpersoner', 'Professionals'' enhanced duty to report', '§ 133', null::integer, null::integer),
  ('citizen_report', 'Underretning fra borgere', 'Reports from citizens', '§ 132', null, null),
  ('acknowledgement', 'Kvittering til fagpersonen for modtaget underretning', 'Acknowledgement of the report to the professional', '§ 134', null, 6),
  ('immediate_help', 'Vurdering af, om barnet har brug for akut hjælp', 'Assessment of whether the child needs immediate help', '§ 138', 24, null)
) as v (key, name_da, name_en, section, hours, workdays)
on conflict do nothing;

-- An inquiry about a child from a professional, marked as a report under Barnets lov: the
-- assessment of immediate help (due 24 hours after receipt) and the acknowledgement to the
-- reporting professional, each recorded once with who and when.
alter table inquiries
  add column child_report boolean not null default false,
  add column child_report_marked_at timestamptz null,
  add column child_report_marked_by uuid null references users (id),
  add column immediate_help_needed boolean null,
  add column immediate_help_note text null check (length(immediate_help_note) <= 2000),
  add column immediate_help_assessed_at timestamptz null,
  add column immediate_help_assessed_by uuid null references users (id),
  add column acknowledged_at timestamptz null,
  add column acknowledged_by uuid null references users (id),
  add column acknowledged_to text null check (length(acknowledged_to) <= 200),
  add constraint inquiries_child_report_marked
    check (child_report = (child_report_marked_at is not null)),
  add constraint inquiries_immediate_help_recorded
    check ((immediate_help_assessed_at is null) = (immediate_help_needed is null));

-- The work list: marked reports still missing the assessment or the acknowledgement.
create index inquiries_child_report_open_idx on inquiries (municipality_code, received_at)
  where child_report and (immediate_help_assessed_at is null or acknowledged_at is null);

-- Custody (forældremyndighed) on a child's case: a parent of the case marked as holding custody.
alter table case_persons
  add column custody_holder boolean not null default false,
  add constraint case_persons_custody_parent check (not custody_holder or role = 'parent');
-- The chronology's kinds as 0016 left them, plus the change of custody.
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
    'review_recorded', 'reopened',
    'person_added', 'person_removed',
    'custody_changed'
  )
);
