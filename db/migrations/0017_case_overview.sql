-- The case overview (issue 12): every case a user may see, filtered and sorted several ways with
-- a keyset of (sort key, id). Opened date uses cases_municipality_idx (0005).
--
-- By reference (sort, and a search by the start of a reference): upper() as the search compares.
create index cases_overview_reference_idx on cases (municipality_code, upper(reference), id);
create index cases_overview_reference_sort_idx on cases (municipality_code, reference, id);
-- The status and concern-level filters, newest first like the default sort.
create index cases_overview_status_idx on cases (municipality_code, status, opened_at desc, id desc);
create index cases_overview_concern_idx
  on cases (municipality_code, concern_level, opened_at desc, id desc);
-- Each case's latest held follow-up (the concern direction and the last contact).
create index case_follow_ups_held_idx on case_follow_ups (case_id, held_on desc, recorded_at desc)
  where status = 'done';
-- "My cases as coordinator" and the coordinator filter: the cases a user coordinates.
create index case_members_coordinator_idx on case_members (user_id, case_id)
  where role = 'coordinator';
-- Each case's next scheduled follow-up (computed for every case when sorting or filtering by it):
-- one index probe per case instead of reading all its follow-ups.
create index case_follow_ups_scheduled_idx on case_follow_ups (case_id, municipality_code, due_on)
  where status = 'scheduled';
