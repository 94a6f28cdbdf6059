-- The citizen's access request, aktindsigt (issue 13 part 7, docs/ACCESS_REQUESTS.md): a request
-- registered with its kind (a party's access under forvaltningsloven § 9, or the data subject's
-- access under GDPR art. 15), the citizen it concerns, when and how it came, and its deadline
-- (computed from the kind, shared/access-requests.ts). The product assembles the draft file as
-- items (the citizen's cases and inquiries, the access report without employee names, the
-- disclosure register's entries, the consents); a caseworker releases, withholds or redacts each
-- with a reason and an exemption, a second person approves, and the release is recorded as a
-- disclosure to the citizen. The value lists are shared/access-requests.ts.
create table access_requests (
  -- Chosen by the client: the same id sent again answers the request already registered.
  id uuid primary key,
  municipality_code char(3) not null references municipalities (code),
  person_id uuid not null references persons (id) on delete cascade,
  kind text not null check (kind in ('party_access', 'data_subject_access')),
  channel text not null check (channel in ('letter', 'digital_post', 'email', 'in_person', 'phone')),
  received_on date not null,
  deadline_on date not null check (deadline_on >= received_on),
  status text not null default 'in_review'
    check (status in ('in_review', 'approved', 'released')),
  registered_by uuid not null references users (id),
  registered_at timestamptz not null default now(),
  approved_by uuid null references users (id),
  approved_at timestamptz null,
  released_by uuid null references users (id),
  released_at timestamptz null,
  -- The disclosure register's entry of the release (disclosures module).
  disclosure_id uuid null,
  version integer not null default 1,
  check ((status = 'in_review') = (approved_by is null)),
  check ((status = 'released') = (released_by is not null))
);
-- The list's pages: the municipality's requests by deadline (keyset on the day and the id).
create index access_requests_list_idx on access_requests (municipality_code, deadline_on, id);
create index access_requests_person_idx on access_requests (municipality_code, person_id);

create trigger access_requests_tenant_key
  before insert or update of municipality_code, person_id on access_requests
  for each row execute function tenant_key_from_parents('persons', 'person_id');

-- The draft file's items, in order. Each holds what it will show the citizen as labelled lines
-- (a snapshot taken when the draft was assembled); the reviewer's decision, reason, exemption
-- and the lines redacted are recorded on the item.
create table access_request_items (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references access_requests (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  position integer not null check (position >= 0),
  source text not null check (source in ('case', 'inquiry', 'network', 'access_report', 'disclosure',
    'consent')),
  -- The record the item comes from (a pointer: the item survives as text when it is deleted).
  case_id uuid null references cases (id) on delete set null,
  inquiry_id uuid null references inquiries (id) on delete set null,
  title text not null check (char_length(title) between 1 and 300),
  -- [{ "label": "<key>", "value": "<text>" }, …]
  lines jsonb not null,
  decision text not null default 'pending'
    check (decision in ('pending', 'release', 'withhold', 'redact')),
  exemption text null check (exemption in ('police_section_115', 'third_party',
    'internal_working_papers', 'crime_prevention', 'state_security', 'private_interest')),
  reason text null check (char_length(reason) between 1 and 2000),
  redacted_lines integer[] not null default '{}',
  decided_by uuid null references users (id),
  decided_at timestamptz null,
  version integer not null default 1,
  unique (request_id, position),
  check ((decision in ('withhold', 'redact')) = (exemption is not null and reason is not null)),
  check ((decision = 'redact') = (cardinality(redacted_lines) > 0)),
  check ((decision = 'pending') = (decided_by is null))
);

create trigger access_request_items_tenant_key
  before insert or update of municipality_code, request_id on access_request_items
  for each row execute function tenant_key_from_parents('access_requests', 'request_id');

-- A release is a disclosure to the citizen: the register's recipient kinds gain `citizen`
-- (shared/disclosures.ts DisclosureRecipientKindSchema).
alter table disclosures drop constraint disclosures_recipient_kind_check;
alter table disclosures add constraint disclosures_recipient_kind_check
  check (recipient_kind in ('psychiatry', 'police', 'prison_probation', 'school', 'club',
    'housing_social_work', 'jobcenter', 'municipal_unit', 'other_municipality',
    'private_provider', 'other_authority', 'citizen'));

-- The chronology's new kind: the citizen's access request released (the case was in the file).
insert into case_event_kinds (code) values ('access_request_released');
