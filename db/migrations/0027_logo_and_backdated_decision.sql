-- 1. The municipality's logo in the letterhead of its documents (issue 12 part 6,
-- server/platform/pdf-layout.ts): an optional PNG or JPEG of at most 200 kB, uploaded by the
-- municipal administrator on the settings page. One row per municipality, kept apart from
-- municipality_settings so that reading the settings (every decision, every deadline job) never
-- loads the picture. Removing the logo empties `image` and keeps the row, so the version only
-- ever grows (optimistic locking: a stale page never overwrites a newer logo).
--
-- No personal data: a public emblem. The tenant key is the primary key and never changes (0015).
create table municipality_logos (
  municipality_code char(3) primary key references municipalities (code),
  image bytea null check (octet_length(image) <= 204800),
  media_type text null check (media_type in ('image/png', 'image/jpeg')),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint municipality_logos_type_with_image check ((image is null) = (media_type is null))
);

create trigger municipality_logos_tenant_key_unchanged
  before update of municipality_code on municipality_logos
  for each row execute function tenant_key_unchanged();

-- The decision that opens a case may be dated before it is registered here (issue 12, "Recording
-- history"; the pattern of 0022): a decision taken on paper, or at a meeting and recorded later,
-- keeps its real day (decided_on) next to when it was recorded (decided_at) and, when the day lies
-- before the registration, the reason. Not before the inquiry was received, never in the future:
-- the services check that (server/modules/inquiries/decision-date.ts). The case it opens has its
-- "opened" event dated to that day in the chronology ("(registreret …)").
alter table inquiry_decisions
  add column decided_on date null,
  add column backdate_reason text null
    check (backdate_reason in ('registered_late', 'moved_from_paper', 'other')),
  add column backdate_note text null check (char_length(backdate_note) <= 500),
  add constraint inquiry_decisions_backdate_other_note
    check (backdate_reason is distinct from 'other' or backdate_note is not null),
  add constraint inquiry_decisions_backdate_has_date
    check (backdate_reason is null or decided_on is not null);
