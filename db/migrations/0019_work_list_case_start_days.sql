-- The start page's work list names an active case that still has no final assessment or no
-- approved plan this many days after it was opened. Each municipality sets its own number.
alter table municipality_settings add column case_start_days integer not null default 14
  check (case_start_days between 1 and 365);
