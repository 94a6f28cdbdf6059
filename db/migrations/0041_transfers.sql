-- Across municipalities (issue 13 part 5, docs/TRANSFERS.md): an inquiry forwarded to the
-- municipality it belongs to, and a case transferred to the municipality a citizen moves to.
--
-- Nothing here points from one municipality's rows into another's personal data: a forwarding is
-- two rows, one per side, each keyed by its own municipality and naming only the other
-- municipality; a case transfer is the sending municipality's row (its case), which the receiving
-- municipality reads only as neutral facts until it accepts, and the copy it then makes is its own
-- case (`received_case_id`, a mere pointer that the receiver's retention may clear).

-- An inquiry forwarded: closed at the sender with this status (never decided there).
alter table inquiries drop constraint inquiries_status_check;
alter table inquiries add constraint inquiries_status_check
  check (status in ('received', 'triaged', 'awaiting_approval', 'decided', 'forwarded'));

create table inquiry_forwardings (
  -- The sent side's id is chosen by the client: the same id again answers the forwarding made.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  inquiry_id uuid not null references inquiries (id) on delete cascade,
  -- sent: this inquiry was forwarded to the counterpart; received: this inquiry is the copy the
  -- counterpart forwarded here ("Videresendt fra <kommune>").
  direction text not null check (direction in ('sent', 'received')),
  counterpart_code char(3) not null references municipalities (code),
  reason text null check (char_length(reason) between 1 and 2000),
  forwarded_at timestamptz not null,
  -- Who forwarded it (kept on the sending side only).
  forwarded_by uuid null references users (id),
  check (counterpart_code <> municipality_code),
  check ((direction = 'sent') = (forwarded_by is not null)),
  unique (inquiry_id, direction)
);
create index inquiry_forwardings_inquiry_idx
  on inquiry_forwardings (municipality_code, inquiry_id);

create trigger inquiry_forwardings_tenant_key
  before insert or update of municipality_code, inquiry_id on inquiry_forwardings
  for each row execute function tenant_key_from_parents('inquiries', 'inquiry_id');

-- A case transferred to another municipality, proposed by the sending coordinator and accepted
-- or declined by a coordinator of the receiving one.
create table case_transfers (
  -- Chosen by the client: the same id again answers the transfer already proposed.
  id uuid primary key,
  -- The sending municipality (the tenant key) and its case.
  municipality_code char(3) not null references municipalities (code),
  case_id uuid not null references cases (id) on delete cascade,
  to_municipality_code char(3) not null references municipalities (code),
  status text not null default 'proposed' check (status in ('proposed', 'accepted', 'declined')),
  reason text not null check (char_length(reason) between 1 and 2000),
  -- The legal basis (legal_bases key, server/modules/sharing) and its text when proposed.
  legal_basis_key text not null check (legal_basis_key ~ '^[a-z0-9_]+$'),
  legal_basis text not null check (char_length(legal_basis) between 1 and 300),
  -- What is copied (shared/transfers.ts TransferPartSchema).
  parts text[] not null check (cardinality(parts) between 1 and 2
    and parts <@ array['identity', 'work_summary']::text[]),
  proposed_by uuid not null references users (id),
  proposed_at timestamptz not null,
  decided_by uuid null references users (id),
  decided_at timestamptz null,
  decline_reason text null check (char_length(decline_reason) between 1 and 2000),
  -- The receiving municipality's copy (its own case), once accepted.
  received_case_id uuid null references cases (id) on delete set null,
  version integer not null default 1,
  check (to_municipality_code <> municipality_code),
  check ((status = 'proposed') = (decided_at is null)),
  check ((status = 'declined') = (decline_reason is not null))
);
-- The sending case's transfers, and the receiving municipality's incoming list.
create index case_transfers_case_idx on case_transfers (municipality_code, case_id, proposed_at desc);
create index case_transfers_incoming_idx
  on case_transfers (to_municipality_code, status, proposed_at desc, id);
-- One open proposal per case at a time.
create unique index case_transfers_one_open_idx on case_transfers (case_id) where status = 'proposed';

create trigger case_transfers_tenant_key
  before insert or update of municipality_code, case_id on case_transfers
  for each row execute function tenant_key_from_parents('cases', 'case_id');

-- The chronology's new kinds: a transfer proposed, accepted or declined (the sending case), and
-- the case taken over from another municipality (the receiving case, "Overtaget fra <kommune>").
insert into case_event_kinds (code) values
  ('transfer_proposed'), ('transfer_accepted'), ('transfer_declined'), ('transfer_received');
