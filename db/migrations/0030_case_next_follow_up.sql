-- The case overview sorts and filters by each case's next scheduled follow-up (issue 12). It was
-- computed at query time for every visible case before the page could be sorted (135 ms at
-- 10,000 cases). The case now keeps it: the earliest due date of its follow-ups with status
-- 'scheduled', null when none is. The follow-ups module recomputes it in the same transaction as
-- every write to case_follow_ups, through the cases module's refreshNextFollowUp
-- (server/modules/cases/queries-case-rows.ts).
alter table cases add column next_follow_up_due date;

update cases
   set next_follow_up_due = (
     select min(f.due_on) from case_follow_ups f
      where f.case_id = cases.id and f.municipality_code = cases.municipality_code
        and f.status = 'scheduled');

-- The overview's sort by next follow-up and its keyset: (tenant, sort key, id), where the sort
-- key puts a case without one last, as the overview orders it. The overdue filter compares the
-- same expression with today, so it reads the index as a range.
create index cases_overview_next_follow_up_idx
  on cases (municipality_code, (coalesce(next_follow_up_due, '9999-12-31'::date)), id);
