-- The citizen told (issue 13 part 8): when a case is opened the municipality must tell the
-- citizen (for a child also the custody holders) that their data are processed (GDPR art. 13/14),
-- or record the exemption it used and why (GDPR art. 14(5), databeskyttelsesloven §22). One row
-- per person told, or per exemption used; rows are never changed (a correction is a new row). The
-- value lists are shared/notice.ts (NoticeMethodSchema, NoticeExemptionSchema).
create table case_notices (
  -- Chosen by the client: the same id sent again answers the row already there.
  id uuid primary key,
  case_id uuid not null references cases (id) on delete cascade,
  municipality_code char(3) not null references municipalities (code),
  -- The person told (the citizen or a custody holder of the case); null for an exemption that
  -- covers the whole case.
  person_id uuid null references persons (id),
  outcome text not null check (outcome in ('informed', 'exempted')),
  method text null check (method in ('letter', 'digital_post', 'meeting', 'oral')),
  -- The day the person was told, or the day the exemption was decided.
  given_on date not null,
  exemption text null check (
    exemption in (
      'already_informed', 'disproportionate_effort', 'would_defeat_purpose', 'secrecy_duty',
      'police_request', 'private_interest'
    )
  ),
  reason text null check (char_length(reason) between 1 and 2000),
  -- Who told the citizen or decided the exemption (the member who records it).
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  check (
    (outcome = 'informed' and method is not null and person_id is not null and exemption is null
      and reason is null)
    or (outcome = 'exempted' and exemption is not null and reason is not null and method is null)
  )
);
-- The case's notices in order (and the work list's "no notice yet" check).
create index case_notices_case_idx on case_notices (case_id, municipality_code, recorded_at, id);

create trigger case_notices_tenant_key
  before insert or update of municipality_code, case_id, person_id on case_notices
  for each row execute function tenant_key_from_parents('cases', 'case_id', 'persons', 'person_id');

-- The chronology's new kinds: the citizen (or a custody holder) told, an exemption used.
insert into case_event_kinds (code) values ('citizen_informed'), ('notice_exempted');
