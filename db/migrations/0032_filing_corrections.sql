-- Issue 12 part 9: a recorded filing can be corrected (journal number, day) and a filing recorded
-- in error withdrawn. Nothing is deleted: a correction moves the row's version and the chronology
-- keeps what it was and why it changed ('filing_corrected'); a withdrawn filing keeps its row,
-- marked with when, by whom and why ('filing_withdrawn'). The same document version may be
-- recorded again once its filing is withdrawn: one filing in force per version, not one ever.
alter table case_filings
  add column version integer not null default 1 check (version >= 1),
  add column corrected_at timestamptz null,
  add column corrected_by uuid null references users (id),
  add column withdrawn_at timestamptz null,
  add column withdrawn_by uuid null references users (id),
  add column withdrawal_reason text null check (char_length(withdrawal_reason) between 1 and 500),
  add constraint case_filings_corrected_check check ((corrected_at is null) = (corrected_by is null)),
  add constraint case_filings_withdrawn_check check (
    (withdrawn_at is null) = (withdrawn_by is null)
    and (withdrawn_at is null) = (withdrawal_reason is null)
  );

alter table case_filings drop constraint case_filings_case_id_document_kind_document_version_key;
create unique index case_filings_version_in_force_idx
  on case_filings (case_id, document_kind, document_version)
  where withdrawn_at is null;

insert into case_event_kinds (code) values ('filing_corrected'), ('filing_withdrawn');
