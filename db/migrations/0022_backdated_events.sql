-- Recording history faithfully (issue 12): an event may be dated before the inquiry or the case
-- was registered when the user says why. The row keeps the real date (received_at, starts_on,
-- held_on …) next to when it was recorded (created_at / recorded_at) and, when the real date lies
-- before the registration, the reason: registered late, moved from paper, or other with a text.
--
-- The rule "a date before the registration needs a reason" is enforced by the services
-- (server/platform/backdating.ts and the case-work checks): for case work the registration is the
-- case's opening day, a row of the parent table that a check constraint cannot see. The check
-- constraints below only keep the values well-formed.
alter table inquiries
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add column backdate_note text null check (char_length(backdate_note) <= 500),
  add constraint inquiries_backdate_other_note
    check (backdate_reason is distinct from 'other' or backdate_note is not null);

alter table case_interventions
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add column backdate_note text null check (char_length(backdate_note) <= 500),
  add constraint case_interventions_backdate_other_note
    check (backdate_reason is distinct from 'other' or backdate_note is not null);

alter table intervention_sessions
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add column backdate_note text null check (char_length(backdate_note) <= 500),
  add constraint intervention_sessions_backdate_other_note
    check (backdate_reason is distinct from 'other' or backdate_note is not null);

alter table case_follow_ups
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add column backdate_note text null check (char_length(backdate_note) <= 500),
  add constraint case_follow_ups_backdate_other_note
    check (backdate_reason is distinct from 'other' or backdate_note is not null);

-- The chronology shows a back-dated event by its real date, with when it was recorded
-- (occurred_at) and why it was recorded late: "13. marts 2026 (registreret 20. marts 2026,
-- registreret for sent)".
alter table case_events
  add column happened_on date null,
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add constraint case_events_backdate_has_date
    check (backdate_reason is null or happened_on is not null);
