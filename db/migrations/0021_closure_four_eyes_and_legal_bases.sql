-- Four-eyes on closing a case (issue 12): with it on (the default), the coordinator who proposed
-- closing a case cannot approve the proposal; another of the case's coordinators must. A
-- municipality with only one coordinator turns it off in the settings, and the chronology then
-- says the closure was decided without a second coordinator.
alter table municipality_settings add column closure_four_eyes boolean not null default true;

-- The standard catalogue's offers that were seeded without a legal basis get the one the seed
-- now names (server/modules/interventions/catalogue-seed.ts; sources there). Only entries still
-- without one: a legal basis a municipality has entered stays as it is.
update intervention_types as t
set legal_basis = v.legal_basis, version = t.version + 1, updated_at = now()
from (values
  ('exit_programme', 'Serviceloven § 12 b (rådgivning af voksne, med samtykke); under 18 år: Barnets lov § 32'),
  ('individual_talks', 'Serviceloven § 10 (gratis rådgivning); oplysninger i SSP-samarbejdet: retsplejeloven § 115'),
  ('psychologist', 'Barnets lov § 32 (børn og unge); voksne: sundhedsloven (psykologbehandling efter lægehenvisning)'),
  ('group_family_talks', 'Barnets lov § 32 (familiebehandling); voksne: serviceloven § 10 (rådgivning)'),
  ('network_meetings', 'Samtykke, ellers retsplejeloven § 115 (udveksling i SSP-, PSP- og KSP-samarbejdet)'),
  ('education_support', 'Lov om kommunal indsats for unge under 25 år'),
  ('other_counselling', 'Serviceloven § 10 (gratis rådgivning)'),
  ('psychiatric_treatment', 'Sundhedsloven (behandling i regionens psykiatri efter henvisning)'),
  ('addiction_treatment', 'Serviceloven § 101 (stofmisbrug); sundhedsloven § 141 (alkohol)'),
  ('housing_offer', 'Serviceloven §§ 107–110 (botilbud og forsorgshjem); almenboligloven § 59 (kommunal anvisning)'),
  ('behavioural_therapy', 'Barnets lov § 32 (behandling af barnets eller den unges problemer); voksne: serviceloven § 85'),
  ('youth_events', 'Barnets lov (generel forebyggelse, tidl. serviceloven § 11); folkeoplysningsloven'),
  ('leisure_activities', 'Folkeoplysningsloven; for det enkelte barn: Barnets lov (støttende indsatser)'),
  ('mentor_programme', 'Barnets lov § 32 (under 18 år, tidl. serviceloven § 52); voksne: serviceloven § 85 eller LAB kap. 9 b'),
  ('parent_coach', 'Barnets lov § 32 (støtte til familien, tidl. serviceloven § 52)'),
  ('dialogue_meetings', 'Folkeskoleloven (undervisning); SSP-samarbejdet: retsplejeloven § 115')
) as v (code, legal_basis)
where t.code = v.code and t.legal_basis is null;
