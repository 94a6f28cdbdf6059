-- Consent as tool 2 of the housing-area model describes it (issue 13 part 4, docs/CONSENT.md):
-- the simple consent record of 0011 gets its scope and its form. Who consents (the citizen, or
-- for a child each custody holder who gives it), to what (the uses: standing access, a single
-- disclosure, counselling; the categories of information; the partner organisations by id
-- and/or the kinds of organisation), from when to when (valid_to is the last day it is valid;
-- null is open-ended, which the service accepts for a sharing consent only when the form says so
-- explicitly), and how: in writing (the printed form came back signed on signed_on, with a
-- scanned copy) or orally before a named witness.
--
-- Existing rows are carried forward as they were recorded: the free-text purpose stays the
-- purpose, valid from the day it was given, open-ended, signed on the day it was given when it
-- was written, and used for counselling (serviceloven § 12 b, the only use the simple record had).
-- Their categories and recipients are empty, which means "as recorded before": such a consent
-- still lets an intervention that needs consent start, and covers no sharing at all.
alter table case_consents
  add column uses text[] not null default array['counselling']::text[]
    check (cardinality(uses) >= 1
      and uses <@ array['standing_access', 'single_disclosure', 'counselling']::text[]),
  add column categories text[] not null default '{}'
    check (categories <@ array['identity', 'concern', 'case_history', 'plan', 'interventions',
      'social', 'health', 'criminal', 'education_employment', 'documents']::text[]),
  -- Partner organisations of the municipality (checked by the service; uuid[] keeps the consent
  -- one row, and an organisation is deactivated, never deleted).
  add column organisation_ids uuid[] not null default '{}',
  add column organisation_kinds text[] not null default '{}',
  -- The custody holders (persons of the case) who gave a child's consent.
  add column custody_holder_ids uuid[] not null default '{}',
  add column valid_from date null,
  add column valid_to date null,
  add column witness text null check (char_length(witness) between 1 and 200),
  add column signed_on date null,
  add column scan bytea null,
  add column scan_media_type text null
    check (scan_media_type in ('application/pdf', 'image/png', 'image/jpeg')),
  add column scan_added_at timestamptz null,
  add column scan_added_by uuid null references users (id),
  -- The daily job told the coordinators that the consent expired (once).
  add column expiry_notified_at timestamptz null,
  add column version integer not null default 1;

update case_consents set valid_from = given_on,
  signed_on = case when method = 'written' then given_on else null end;
alter table case_consents alter column valid_from set not null;
-- A row written without its period (an older writer, a fixture) is valid from the day it was given.
create function case_consents_valid_from() returns trigger language plpgsql as $$
begin
  new.valid_from := coalesce(new.valid_from, new.given_on);
  return new;
end;
$$;
create trigger case_consents_valid_from before insert on case_consents
  for each row execute function case_consents_valid_from();
alter table case_consents
  add constraint case_consents_period check (valid_to is null or valid_to >= valid_from),
  add constraint case_consents_signed_written check (signed_on is null or method = 'written'),
  add constraint case_consents_scan_whole check ((scan is null) = (scan_media_type is null));

-- The daily expiry job reads the consents that ended and were not yet told about.
create index case_consents_expiry_idx on case_consents (valid_to)
  where valid_to is not null and expiry_notified_at is null and withdrawn_on is null;

-- The chronology's new kind: a consent's form came back signed, or its scanned copy was added.
insert into case_event_kinds (code) values ('consent_changed');
