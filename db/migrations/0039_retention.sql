-- Retention as archive-then-delete (issue 13 part 6, docs/RETENTION.md, server/modules/retention).
--
-- 1. Deleting across tables: the retention job deletes a case, an inquiry or a person through its
--    owner, and every table that refers to one of them follows. The references below did not say
--    what happens on delete (so they blocked it); the rows that belong to the person go with the
--    person (cascade), a mere pointer is cleared (set null). A test reads the schema
--    (server/modules/retention/cascade.int.test.ts) so a new table cannot block it again.
alter table case_persons drop constraint case_persons_person_id_fkey,
  add constraint case_persons_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table case_consents drop constraint case_consents_person_id_fkey,
  add constraint case_consents_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table case_intervention_participants drop constraint case_intervention_participants_person_id_fkey,
  add constraint case_intervention_participants_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table case_interventions drop constraint case_interventions_person_id_fkey,
  add constraint case_interventions_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table case_notices drop constraint case_notices_person_id_fkey,
  add constraint case_notices_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table case_offers drop constraint case_offers_person_id_fkey,
  add constraint case_offers_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table disclosure_persons drop constraint disclosure_persons_person_id_fkey,
  add constraint disclosure_persons_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table inquiry_persons drop constraint inquiry_persons_person_id_fkey,
  add constraint inquiry_persons_person_id_fkey foreign key (person_id) references persons (id) on delete cascade;
alter table inquiries drop constraint inquiries_case_id_fkey,
  add constraint inquiries_case_id_fkey foreign key (case_id) references cases (id) on delete set null;
alter table inquiry_decisions drop constraint inquiry_decisions_case_id_fkey,
  add constraint inquiry_decisions_case_id_fkey foreign key (case_id) references cases (id) on delete set null;
alter table persons drop constraint persons_merged_into_fkey,
  add constraint persons_merged_into_fkey foreign key (merged_into) references persons (id) on delete set null;

-- 2. Retention periods per kind of record, in the municipality's settings. No row: the product's
--    default (server/modules/retention/defaults.ts), unconfirmed. A saved row is the
--    municipality's own; `minimum_months` is the shortest period its archive confirmed, and a
--    shorter period is refused.
create table retention_periods (
  municipality_code char(3) not null references municipalities (code),
  kind text not null check (kind in ('inquiry_no_concern', 'inquiry_referred', 'case_closed',
    'case_reviewed', 'partner_access', 'consent', 'audit_trail')),
  months integer not null check (months between 1 and 1200),
  minimum_months integer not null check (minimum_months between 0 and 1200),
  confirmed boolean not null default false,
  version integer not null default 1,
  updated_by uuid null references users (id),
  updated_at timestamptz not null default now(),
  primary key (municipality_code, kind),
  check (months >= minimum_months)
);

-- 3. Legal hold (retsligt hold): a case or an inquiry that must not be deleted (a complaint, a
--    court case, the archive's request), with a reason and who placed it; lifting it keeps the row.
create table legal_holds (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  case_id uuid null references cases (id) on delete cascade,
  inquiry_id uuid null references inquiries (id) on delete cascade,
  reason text not null check (char_length(reason) between 1 and 1000),
  placed_by uuid not null references users (id),
  placed_at timestamptz not null default now(),
  lifted_by uuid null references users (id),
  lifted_at timestamptz null,
  lift_reason text null check (char_length(lift_reason) between 1 and 1000),
  version integer not null default 1,
  check ((case_id is null) <> (inquiry_id is null)),
  check ((lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_reason is null))
);
create unique index legal_holds_one_case_idx on legal_holds (case_id) where lifted_at is null;
create unique index legal_holds_one_inquiry_idx on legal_holds (inquiry_id) where lifted_at is null;
create index legal_holds_municipality_idx on legal_holds (municipality_code, placed_at desc);

create trigger legal_holds_tenant_key
  before insert or update of municipality_code, case_id, inquiry_id on legal_holds
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'inquiries', 'inquiry_id');

-- 4. Archival versions taken (arkiveringsversion): when, by whom, where the package lies, the
--    SHA-256 of its index. The records in it are named by kind and id only, with no foreign key:
--    the row is the proof that the record was delivered to the archive, and it must outlive the
--    record it names (an id is not personal data once the record is gone).
create table archive_exports (
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  taken_by uuid not null references users (id),
  taken_at timestamptz not null default now(),
  package_name text not null check (char_length(package_name) between 1 and 200),
  index_sha256 text not null check (index_sha256 ~ '^[0-9a-f]{64}$'),
  record_count integer not null check (record_count >= 0)
);
create index archive_exports_municipality_idx on archive_exports (municipality_code, taken_at desc);

create table archive_export_records (
  export_id uuid not null references archive_exports (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  record_kind text not null check (record_kind in ('case', 'inquiry')),
  record_id uuid not null,
  primary key (export_id, record_kind, record_id)
);
create index archive_export_records_record_idx
  on archive_export_records (municipality_code, record_kind, record_id);

-- 5. The anonymous tombstone a deleted record leaves: what statistics count, nothing about a
--    person and no free text (no id, no reference, no names, no dates finer than a day).
create table retention_tombstones (
  id bigint generated always as identity primary key,
  municipality_code char(3) not null references municipalities (code),
  record_kind text not null check (record_kind in ('case', 'inquiry')),
  retention_kind text not null check (retention_kind in ('inquiry_no_concern', 'inquiry_referred',
    'case_closed', 'case_reviewed')),
  received_on date null,
  opened_on date null,
  closed_on date null,
  extremism_form text null check (extremism_form in ('militant_islamism', 'right_wing', 'left_wing', 'other')),
  age_group text null check (age_group in ('under_18', 'adult', 'unknown')),
  outcome text null check (char_length(outcome) between 1 and 50),
  export_id uuid not null references archive_exports (id),
  deleted_on date not null
);
create index retention_tombstones_municipality_idx
  on retention_tombstones (municipality_code, record_kind, closed_on);

-- 6. The audit chain after pruning: one signed anchor per pruned segment of a chain (from_seq ..
--    to_seq, the hash of its last entry, the count), HMAC-signed with the audit key. Verification
--    starts each chain from its anchors; entries can only be deleted when an anchor covers them.
create table audit_anchors (
  chain_key text not null,
  from_seq bigint not null check (from_seq >= 1),
  to_seq bigint not null,
  entry_count bigint not null,
  last_hash text not null,
  pruned_before timestamptz not null,
  created_at timestamptz not null default now(),
  signature text not null,
  primary key (chain_key, to_seq),
  check (to_seq >= from_seq and entry_count = to_seq - from_seq + 1)
);

create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  -- Pruning (docs/SECURITY.md, "Bevaring og sletning"): an entry a signed anchor covers may go.
  if tg_op = 'DELETE' and exists (
    select 1 from audit_anchors a
     where a.chain_key = old.chain_key and old.seq between a.from_seq and a.to_seq
  ) then
    return old;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

-- Anchors are never changed or removed.
create trigger audit_anchors_no_update_delete
  before update or delete on audit_anchors
  for each row execute function audit_log_append_only();
