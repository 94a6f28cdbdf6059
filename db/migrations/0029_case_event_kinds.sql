-- The kinds of chronology events become rows of their own table instead of a check constraint
-- that every migration adding a kind had to drop and re-list in full (0016, 0024, 0025 did). A
-- module that adds a kind now inserts one row here in its own migration; case_events.kind refers
-- to it, so an unknown kind is still refused by the database. The list must equal
-- CaseEventKindSchema in server/modules/cases/schema.ts (checked by case-event-kinds.int.test.ts).
create table case_event_kinds (
  code text primary key
);

insert into case_event_kinds (code) values
  ('note'), ('status_changed'), ('classification_changed'), ('member_added'), ('member_removed'),
  ('opened'), ('assessment_started'), ('assessment_updated'), ('assessment_finalised'),
  ('plan_drafted'), ('plan_submitted'), ('plan_approved'), ('plan_rejected'),
  ('intervention_added'), ('intervention_changed'), ('intervention_session'),
  ('consent_recorded'), ('consent_withdrawn'), ('offer_made'), ('offer_answered'),
  ('follow_up_scheduled'), ('follow_up_recorded'),
  ('closure_proposed'), ('closure_approved'), ('closure_rejected'),
  ('review_recorded'), ('reopened'), ('person_added'), ('person_removed'),
  ('custody_changed'), ('document_filed');

alter table case_events drop constraint case_events_kind_check;
alter table case_events
  add constraint case_events_kind_fkey foreign key (kind) references case_event_kinds (code);
