-- Journalisation (issue 12 part 9): a case's documents are filed in the municipality's own record
-- system (ESDH). The municipality chooses the KLE subject number (and, if it uses one, the
-- handling facet) its filings carry and the name of its record system; whether the filing
-- metadata carries the parties' CPR numbers is its choice too (default: no).
alter table municipality_settings
  add column filing_kle_code text null check (filing_kle_code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
  add column filing_kle_facet text null check (filing_kle_facet ~ '^[A-Z][0-9]{2}$'),
  add column record_system_name text null check (char_length(record_system_name) between 1 and 40),
  add column filing_include_cpr boolean not null default false;

-- Where and when each version of a case's documents was filed. One row per document version: the
-- same version recorded again answers the row already there. The case's chronology says it too.
create table case_filings (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  -- The document (server/modules/filing/documents.ts): 'case-summary', 'plan' …
  document_kind text not null check (document_kind ~ '^[a-z]+(-[a-z]+)*$'),
  -- Which version: the plan's number, the day the case summary was made.
  document_version text not null check (char_length(document_version) between 1 and 20),
  document_date date not null,
  journal_number text not null check (char_length(journal_number) between 1 and 60),
  record_system text null check (char_length(record_system) between 1 and 40),
  kle_code text null check (char_length(kle_code) between 1 and 20),
  filed_on date not null,
  filed_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  unique (case_id, document_kind, document_version)
);
-- The case's filings, newest first, in keyset pages.
create index case_filings_case_recorded_idx on case_filings (case_id, recorded_at desc, id desc);

create trigger case_filings_tenant_key
  before insert or update of municipality_code, case_id on case_filings
  for each row execute function tenant_key_from_parents('cases', 'case_id');

-- The chronology's new kind: a document filed in the record system (every earlier kind kept,
-- custody_changed from 0024 included).
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
    'custody_changed', 'document_filed'
  )
);
