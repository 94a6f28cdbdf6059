-- The inbox of open inquiries, per municipality, by deadline (keyset on deadline_at, id).
--
-- inquiries_inbox_idx (municipality_code, status, deadline_at, id) cannot return the open
-- inquiries in deadline order: "open" is three statuses, so the rows come back per status and
-- must be sorted. With 10,000 open inquiries the planner chose inquiries_deadline_job_idx
-- instead (all municipalities' open inquiries by deadline, filtered by municipality), which is
-- only fast while one municipality has nearly all the rows. This partial index holds exactly the
-- open inquiries of each municipality in inbox order: the first page reads 51 index entries and
-- stops, whatever the number of municipalities or decided inquiries.
create index inquiries_open_inbox_idx on inquiries (municipality_code, deadline_at, id)
  where status in ('received', 'triaged', 'awaiting_approval');
