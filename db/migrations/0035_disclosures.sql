-- The disclosure register (issue 13 part 2): one entry each time information about a citizen
-- leaves the team that holds it — when, to whom (organisation, its kind, a named person), which
-- categories of information and documents, on which legal basis, for which purpose, who decided,
-- and how (recorded by hand after a phone call, a letter or a meeting, or made by the product
-- itself). Entries are never changed or removed: a mistake is corrected by a new entry.
--
-- The recipient and the legal basis are text for now (docs/DISCLOSURES.md): they will link to the
-- partner organisation and the legal-basis record when those exist as data.
create table disclosures (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid null references cases (id) on delete cascade,
  disclosed_on date not null,
  recipient_organisation text not null
    check (char_length(recipient_organisation) between 1 and 200),
  -- shared/sharing.ts OrganisationKindSchema.
  recipient_kind text not null check (recipient_kind in ('psychiatry', 'police',
    'prison_probation', 'school', 'club', 'housing_social_work', 'jobcenter', 'municipal_unit',
    'other_municipality', 'private_provider', 'other_authority')),
  recipient_person text null check (char_length(recipient_person) between 1 and 200),
  -- shared/sharing.ts DataCategorySchema, at least one.
  categories text[] not null check (cardinality(categories) between 1 and 20),
  documents text null check (char_length(documents) between 1 and 1000),
  -- The law, its section and the basis's name, e.g. "Retsplejeloven § 115 (SSP)".
  legal_basis text not null check (char_length(legal_basis) between 1 and 300),
  purpose text not null check (char_length(purpose) between 1 and 1000),
  decided_by text not null check (char_length(decided_by) between 1 and 200),
  -- shared/disclosures.ts DisclosureChannelSchema: how the information left the team.
  channel text not null check (channel in ('phone', 'letter', 'meeting', 'email', 'product')),
  recorded_by_hand boolean not null,
  -- What the product disclosed itself (its kind of document or handover); null by hand.
  product_source text null check (product_source ~ '^[a-z]+(_[a-z]+)*$'),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check (recorded_by_hand = (channel <> 'product'))
);
-- The case's disclosures and the register's pages, newest first (keyset on the day and the id).
create index disclosures_case_idx on disclosures (case_id, disclosed_on desc, id desc);
create index disclosures_register_idx on disclosures (municipality_code, disclosed_on desc, id desc);

create trigger disclosures_tenant_key
  before insert or update of municipality_code, case_id on disclosures
  for each row execute function tenant_key_from_parents('cases', 'case_id');

-- The persons whose information was disclosed (the register is searched by citizen).
create table disclosure_persons (
  disclosure_id uuid not null references disclosures (id) on delete cascade,
  person_id uuid not null references persons (id),
  municipality_code char(3) not null references municipalities (code),
  primary key (disclosure_id, person_id)
);
create index disclosure_persons_person_idx on disclosure_persons (municipality_code, person_id);

create trigger disclosure_persons_tenant_key
  before insert or update of municipality_code, disclosure_id, person_id on disclosure_persons
  for each row execute function tenant_key_from_parents(
    'disclosures', 'disclosure_id', 'persons', 'person_id');

-- The case's read log (issue 13 part 9) reads the audit entries of one case, newest first.
create index audit_log_case_reads_idx
  on audit_log (municipality_code, resource_id, occurred_at desc, id desc)
  where resource_type = 'case';

-- The chronology's new kind: a disclosure recorded.
insert into case_event_kinds (code) values ('disclosure_recorded');
