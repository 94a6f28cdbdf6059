-- Retention fixes after the security review (docs/RETENTION.md, server/modules/retention).
--
-- 1. A legal hold can never vanish with its record by cascade: the job checks every active hold
--    on the record and on the inquiries a case was opened from, and deletes only lifted holds
--    (history) itself before the record goes. Anything else that would delete a held record
--    fails on this restriction instead of breaking the hold without a trace.
alter table legal_holds drop constraint legal_holds_case_id_fkey,
  add constraint legal_holds_case_id_fkey foreign key (case_id) references cases (id) on delete restrict;
alter table legal_holds drop constraint legal_holds_inquiry_id_fkey,
  add constraint legal_holds_inquiry_id_fkey foreign key (inquiry_id) references inquiries (id) on delete restrict;

-- 2. A citizen's access request (GDPR art. 15) is the municipality's documentation of the answer:
--    the person it is about is never deleted by retention while a request names them, and the
--    reference now refuses such a deletion instead of cascading the request away.
alter table access_requests drop constraint access_requests_person_id_fkey,
  add constraint access_requests_person_id_fkey foreign key (person_id) references persons (id) on delete restrict;
