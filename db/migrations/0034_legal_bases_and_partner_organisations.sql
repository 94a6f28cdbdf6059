-- Sharing outside the team, the groundwork (issue 13 part 1, docs/SHARING.md): the legal bases
-- for sharing as data, and the partner organisations a municipality works with. Both owned by
-- server/modules/sharing.
--
-- A table of its own rather than more rows in legal_provisions (0024): those are the inquiries
-- module's provisions with deadlines, keyed by a check list; a basis for sharing has other facts
-- (what it allows, which kinds of organisation and which uses it covers, whether it needs a
-- consent), another owner and another reader (the fit rule in server/modules/sharing/fit.ts).
-- Keys are not a check list here: the service validates them (LEGAL_BASIS_KEYS), so a new
-- basis needs no constraint rewritten. The rules no edit may break are constraints below.
create table legal_bases (
  municipality_code char(3) not null references municipalities (code),
  key text not null check (key ~ '^[a-z0-9_]{1,40}$'),
  name_da text not null check (length(name_da) between 1 and 200),
  name_en text not null check (length(name_en) between 1 and 200),
  law text not null check (length(law) between 1 and 100),
  section text not null check (length(section) between 1 and 100),
  allows_da text not null check (length(allows_da) between 1 and 2000),
  allows_en text not null check (length(allows_en) between 1 and 2000),
  valid_from date not null,
  valid_to date null check (valid_to is null or valid_to > valid_from),
  organisation_kinds text[] not null default '{}',
  uses text[] not null default '{}'
    check (uses <@ array['standing_access', 'single_disclosure', 'counselling']::text[]),
  requires_consent boolean not null default false,
  confirmed boolean not null default false,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_code, key),
  -- The value-leap rule is one concrete disclosure, never standing access.
  constraint legal_bases_value_leap_single check (key <> 'value_leap' or not ('standing_access' = any (uses))),
  -- § 12 b (serviceloven) is a basis for counselling, not for sharing.
  constraint legal_bases_counselling_only check (key <> 'sel_12b' or uses <@ array['counselling']::text[]),
  -- Counselling is covered by § 12 b only.
  constraint legal_bases_counselling_basis check (key = 'sel_12b' or not ('counselling' = any (uses))),
  -- § 115 a is the police informing relatives of an adult, never a partner's access.
  constraint legal_bases_115a_no_use check (key <> 'rpl_115a' or uses = '{}')
);
create trigger legal_bases_tenant_key_unchanged before update of municipality_code on legal_bases
  for each row execute function tenant_key_unchanged();

-- The current law, unconfirmed, for the municipalities that exist (the same rows as DEFAULT_BASES
-- in server/modules/sharing/defaults.ts, which a municipality without rows reads).
insert into legal_bases (
  municipality_code, key, name_da, name_en, law, section, allows_da, allows_en, valid_from,
  organisation_kinds, uses, requires_consent
)
select m.code, v.key, v.name_da, v.name_en, v.law, v.section, v.allows_da, v.allows_en, v.valid_from,
  v.organisation_kinds, v.uses, v.requires_consent
from municipalities m
cross join (values
  ('rpl_115_ssp', 'SSP-samarbejdet (skole, socialforvaltning og politi)', 'The SSP cooperation (school, social services and police)', 'Retsplejeloven', '§ 115',
   'Politiet og kommunens sociale myndigheder kan uden samtykke udveksle oplysninger om enkeltpersoner i SSP-samarbejdet, både som stående adgang i samarbejdet og som enkelte videregivelser, kun til kriminalitetsforebyggelse – aldrig til efterforskning – og kun det, der er nødvendigt for samarbejdet.',
   'The police and the municipality''s social services may exchange information about individuals in the SSP cooperation without consent, as standing access in the cooperation and as single disclosures, for crime prevention only – never for investigation – and only what the cooperation needs.',
   date '2018-05-25', array['police', 'municipal_unit']::text[], array['standing_access', 'single_disclosure']::text[], false),
  ('rpl_115_psp', 'PSP-samarbejdet (politi, socialforvaltning og psykiatri)', 'The PSP cooperation (police, social services and psychiatry)', 'Retsplejeloven', '§ 115',
   'Politiet, kommunens sociale myndigheder og psykiatrien kan uden samtykke udveksle oplysninger om personer med psykiske vanskeligheder i PSP-samarbejdet, kun til kriminalitetsforebyggelse – aldrig til efterforskning – og kun det, der er nødvendigt for samarbejdet.',
   'The police, the municipality''s social services and psychiatry may exchange information about persons with mental health problems in the PSP cooperation without consent, for crime prevention only – never for investigation – and only what the cooperation needs.',
   date '2018-05-25', array['police', 'municipal_unit', 'psychiatry']::text[], array['standing_access', 'single_disclosure']::text[], false),
  ('rpl_115_ksp', 'KSP-samarbejdet (Kriminalforsorgen, socialforvaltning og politi)', 'The KSP cooperation (prison and probation, social services and police)', 'Retsplejeloven', '§ 115',
   'Kriminalforsorgen, kommunens sociale myndigheder og politiet kan uden samtykke udveksle oplysninger om indsatte og prøveløsladte i KSP-samarbejdet, fx før en løsladelse, kun til kriminalitetsforebyggelse – aldrig til efterforskning – og kun det, der er nødvendigt for samarbejdet.',
   'Prison and probation, the municipality''s social services and the police may exchange information about inmates and persons on parole in the KSP cooperation without consent, for instance before a release, for crime prevention only – never for investigation – and only what the cooperation needs.',
   date '2018-05-25', array['police', 'municipal_unit', 'prison_probation']::text[], array['standing_access', 'single_disclosure']::text[], false),
  ('rpl_115a', 'Politiets orientering af forældre og nærtstående til en voksen', 'The police informing parents and close relatives of an adult', 'Retsplejeloven', '§ 115 a',
   'Politiet kan orientere forældre og andre nærtstående om en voksen, der er i risiko for radikalisering eller kriminalitet, når det er nødvendigt for at forebygge. Det er politiets videregivelse til familien – ikke en hjemmel til, at en samarbejdspartner får adgang til en sag.',
   'The police may inform parents and other close relatives about an adult at risk of radicalisation or crime when needed to prevent it. It is the police''s disclosure to the family – not a basis for a partner''s access to a case.',
   date '2018-05-25', array[]::text[], array[]::text[], false),
  ('value_leap', 'Værdispringsreglen', 'The value-leap rule', 'Databeskyttelsesloven og forvaltningsloven', '§ 8 og § 28',
   'Én konkret videregivelse uden samtykke, når den offentlige eller private interesse klart overstiger hensynet til den person, oplysningerne handler om. Vurderingen skal foretages og begrundes hver gang; reglen giver aldrig stående adgang.',
   'One concrete disclosure without consent when the public or private interest clearly outweighs the interest of the person the information is about. The assessment is made and reasoned each time; the rule never gives standing access.',
   date '2018-05-25', array['psychiatry', 'police', 'prison_probation', 'school', 'club', 'housing_social_work', 'jobcenter', 'municipal_unit', 'other_municipality', 'other_authority']::text[], array['single_disclosure']::text[], false),
  ('consent', 'Samtykke fra borgeren (eller forældremyndighedens indehavere)', 'Consent of the citizen (or the custody holders)', 'Databeskyttelsesforordningen', 'art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a',
   'Deling med de organisationer og af de kategorier af oplysninger, samtykket nævner, til det formål og i den periode, det gælder. Kræver et gyldigt samtykke, der kan trækkes tilbage når som helst med virkning fra samme øjeblik.',
   'Sharing with the organisations and of the categories of information the consent names, for its purpose and period. Needs a valid consent, which can be withdrawn at any time with immediate effect.',
   date '2018-05-25', array['psychiatry', 'police', 'prison_probation', 'school', 'club', 'housing_social_work', 'jobcenter', 'municipal_unit', 'other_municipality', 'other_authority']::text[], array['standing_access', 'single_disclosure']::text[], true),
  ('sel_12b', 'Gratis rådgivning til voksne i risiko for radikalisering', 'Free counselling for adults at risk of radicalisation', 'Serviceloven', '§ 12 b',
   'Kommunen kan tilbyde en voksen rådgivning for at forebygge radikalisering og ekstremisme, kun med borgerens samtykke. Det er en hjemmel til rådgivning – ikke til at dele oplysninger med andre.',
   'The municipality may offer an adult counselling to prevent radicalisation and extremism, only with the citizen''s consent. It is a basis for counselling – not for sharing information with others.',
   date '2018-05-25', array['municipal_unit', 'private_provider']::text[], array['counselling']::text[], true)

) as v (key, name_da, name_en, law, section, allows_da, allows_en, valid_from, organisation_kinds, uses, requires_consent)
on conflict do nothing;

-- The organisations a municipality shares with or buys from: psychiatry, Kriminalforsorgen, a
-- school, a club, housing social work, a private provider … A private provider that delivers on
-- the municipality's behalf is a data processor, not a recipient: its processor agreement is
-- recorded (reference and date), which the constraint requires.
create table partner_organisations (
  id uuid primary key default gen_random_uuid(),
  municipality_code char(3) not null references municipalities (code),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (length(kind) between 1 and 40),
  cvr char(8) null check (cvr ~ '^[0-9]{8}$'),
  ean char(13) null check (ean ~ '^[0-9]{13}$'),
  contact_email text null check (length(contact_email) between 3 and 254),
  data_processor boolean not null default false,
  processor_agreement_ref text null check (length(processor_agreement_ref) between 1 and 200),
  processor_agreement_date date null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint partner_organisations_processor_agreement check (
    not data_processor or (processor_agreement_ref is not null and processor_agreement_date is not null)
  )
);
create trigger partner_organisations_tenant_key_unchanged before update of municipality_code on partner_organisations
  for each row execute function tenant_key_unchanged();
-- One name per municipality (case-insensitive), and the admin list in name order.
create unique index partner_organisations_name_idx on partner_organisations (municipality_code, lower(name));
