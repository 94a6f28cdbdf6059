import type { Kysely } from 'kysely';
import type {
  InterventionAgeGroup,
  InterventionLevel,
} from '../../platform/db/catalogue-schema.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitKind } from '../organisation/schema.ts';
import { catalogueHasTypes, insertTypes, unitsByName } from './queries-writes.ts';

/**
 * The standard interventions catalogue: the ordinary and the specially arranged (tailored) offers
 * municipalities use against radicalisation, to start a municipality's catalogue from.
 *
 * Source: domain §6 (offers and interventions), from NCFE's national mapping of the
 * municipalities' work (2018) and Copenhagen's action plan (2016); names and descriptions in our
 * own words. Every offer names its legal basis in our own words, the section where the law has
 * one: the measures for children and young people are in Barnets lov (lov nr. 721 af 13. juni
 * 2023) since 1 January 2024, which replaced Serviceloven §§ 11 and 50–58 (the support measures
 * of § 52 are now Barnets lov § 32); adults' offers are in Lov om social service (Serviceloven:
 * § 10 counselling, § 12 b counselling against radicalisation, § 85 social-pedagogical support,
 * § 99 support and contact person, § 101 addiction treatment, §§ 107–110 housing), Lov om en
 * aktiv beskæftigelsesindsats (LAB), Sundhedsloven, Folkeoplysningsloven and Retsplejeloven § 115
 * (the SSP, PSP and KSP cooperation). Laws change: the municipality's lawyer confirms each legal
 * basis, and each municipality adjusts its catalogue afterwards (names, units, legal bases,
 * inactive offers). db/migrations/0021 gives the same legal bases to entries seeded without one.
 */
export interface StandardIntervention {
  code: string;
  name: string;
  description: string | null;
  level: InterventionLevel;
  ageGroup: InterventionAgeGroup;
  legalBasis: string | null;
  consentRequired: boolean;
  tailored: boolean;
  /** The kind of the municipality's unit responsible by default (its first unit of that kind). */
  unitKind: UnitKind | null;
  /** The name or description names the concern: a neutral name outside the compartment. */
  revealsConcern: boolean;
}

const offer = (
  code: string,
  name: string,
  level: InterventionLevel,
  ageGroup: InterventionAgeGroup,
  unitKind: UnitKind | null,
  extra: Partial<
    Pick<
      StandardIntervention,
      'description' | 'legalBasis' | 'consentRequired' | 'tailored' | 'revealsConcern'
    >
  > = {},
): StandardIntervention => ({
  code,
  name,
  level,
  ageGroup,
  unitKind,
  description: extra.description ?? null,
  legalBasis: extra.legalBasis ?? null,
  consentRequired: extra.consentRequired ?? false,
  tailored: extra.tailored ?? false,
  revealsConcern: extra.revealsConcern ?? false,
});

export const STANDARD_INTERVENTIONS: readonly StandardIntervention[] = [
  // Ordinary offers.
  offer('mentor_lab', 'Mentorstøtte (beskæftigelse)', 'anticipating', 'all', 'jobcenter', {
    description: 'Mentor, der støtter borgeren i at komme i og fastholde job eller uddannelse.',
    legalBasis: 'LAB kap. 9 b',
  }),
  offer('exit_programme', 'Exitprogram', 'intervening', 'all', 'mentors_coaches', {
    description: 'Forløb for personer, der vil ud af et ekstremistisk miljø.',
    revealsConcern: true,
    legalBasis:
      'Serviceloven § 12 b (rådgivning af voksne, med samtykke); under 18 år: Barnets lov § 32',
  }),
  offer(
    'contact_person_child',
    'Fast kontaktperson (barn og ung)',
    'anticipating',
    'under_18',
    'children_youth',
    {
      legalBasis: 'Barnets lov § 32',
    },
  ),
  offer(
    'contact_person_adult',
    'Støtte- og kontaktperson',
    'anticipating',
    'adult',
    'social_family',
    {
      legalBasis: 'Serviceloven § 99',
    },
  ),
  offer('individual_talks', 'Individuelle samtaler (fx SSP)', 'anticipating', 'all', 'ssp', {
    legalBasis:
      'Serviceloven § 10 (gratis rådgivning); oplysninger i SSP-samarbejdet: retsplejeloven § 115',
  }),
  offer('psychologist', 'Psykologsamtaler', 'anticipating', 'all', null, {
    legalBasis:
      'Barnets lov § 32 (børn og unge); voksne: sundhedsloven (psykologbehandling efter lægehenvisning)',
  }),
  offer(
    'group_family_talks',
    'Gruppe- og familiesamtaler',
    'anticipating',
    'all',
    'social_family',
    {
      legalBasis: 'Barnets lov § 32 (familiebehandling); voksne: serviceloven § 10 (rådgivning)',
    },
  ),
  offer('network_meetings', 'Netværksmøder', 'anticipating', 'all', 'ssp', {
    description: 'Møder med familie, netværk og fagpersoner omkring borgeren.',
    legalBasis:
      'Samtykke, ellers retsplejeloven § 115 (udveksling i SSP-, PSP- og KSP-samarbejdet)',
  }),
  offer('family_treatment', 'Familiebehandling', 'anticipating', 'under_18', 'children_youth', {
    legalBasis: 'Barnets lov § 32',
  }),
  offer('education_support', 'Støtte til uddannelse', 'anticipating', 'all', 'children_youth', {
    legalBasis: 'Lov om kommunal indsats for unge under 25 år',
  }),
  offer('employment_support', 'Støtte til beskæftigelse', 'anticipating', 'all', 'jobcenter', {
    legalBasis: 'LAB',
  }),
  offer('work_placement', 'Virksomhedspraktik', 'anticipating', 'all', 'jobcenter', {
    legalBasis: 'LAB',
  }),
  // § 12 b is the basis of counselling_12b, an entry that reveals the concern: naming it here
  // would show the concern to every member who sees the catalogue.
  offer('other_counselling', 'Anden rådgivning', 'anticipating', 'all', null, {
    legalBasis: 'Serviceloven § 10 (gratis rådgivning)',
  }),
  offer(
    'psychiatric_treatment',
    'Psykiatrisk behandling',
    'anticipating',
    'all',
    'psychiatry_liaison',
    {
      legalBasis: 'Sundhedsloven (behandling i regionens psykiatri efter henvisning)',
    },
  ),
  offer('addiction_treatment', 'Misbrugsbehandling', 'anticipating', 'all', 'social_family', {
    legalBasis: 'Serviceloven § 101 (stofmisbrug); sundhedsloven § 141 (alkohol)',
  }),
  offer('day_placement', 'Dagbehandling', 'intervening', 'under_18', 'children_youth', {
    legalBasis: 'Barnets lov § 32',
  }),
  offer(
    'residential_placement',
    'Anbringelse uden for hjemmet',
    'intervening',
    'under_18',
    'children_youth',
    {
      legalBasis: 'Barnets lov',
    },
  ),
  offer(
    'housing_offer',
    'Botilbud eller boligtilbud',
    'anticipating',
    'all',
    'housing_social_work',
    {
      legalBasis:
        'Serviceloven §§ 107–110 (botilbud og forsorgshjem); almenboligloven § 59 (kommunal anvisning)',
    },
  ),
  offer(
    'social_pedagogical_support',
    'Socialpædagogisk støtte',
    'anticipating',
    'adult',
    'social_family',
    {
      legalBasis: 'Serviceloven § 85',
    },
  ),
  offer('behavioural_therapy', 'Adfærdsterapi', 'anticipating', 'all', null, {
    legalBasis:
      'Barnets lov § 32 (behandling af barnets eller den unges problemer); voksne: serviceloven § 85',
  }),
  offer('youth_events', 'Ungdomsarrangementer', 'building', 'under_18', 'ssp', {
    legalBasis: 'Barnets lov (generel forebyggelse, tidl. serviceloven § 11); folkeoplysningsloven',
  }),
  offer('leisure_activities', 'Fritidsaktiviteter', 'building', 'all', 'ssp', {
    legalBasis: 'Folkeoplysningsloven; for det enkelte barn: Barnets lov (støttende indsatser)',
  }),
  offer(
    'counselling_12b',
    'Rådgivning af voksne i risiko for radikalisering',
    'anticipating',
    'adult',
    'social_family',
    {
      description: 'Gratis rådgivning til personer over 18 år; kun med borgerens samtykke.',
      legalBasis: 'Serviceloven § 12 b',
      consentRequired: true,
      revealsConcern: true,
    },
  ),
  // Tailored offers (særligt tilrettelagte tilbud).
  offer(
    'mentor_programme',
    'Mentorforløb med særligt uddannede mentorer',
    'anticipating',
    'all',
    'mentors_coaches',
    {
      tailored: true,
      legalBasis:
        'Barnets lov § 32 (under 18 år, tidl. serviceloven § 52); voksne: serviceloven § 85 eller LAB kap. 9 b',
    },
  ),
  offer('parent_coach', 'Forældrecoachforløb', 'anticipating', 'all', 'mentors_coaches', {
    description: 'Coach, der støtter forældre til et barn eller en ung i risiko.',
    tailored: true,
    legalBasis: 'Barnets lov § 32 (støtte til familien, tidl. serviceloven § 52)',
  }),
  offer(
    'dialogue_meetings',
    'Dialogmøder og besøg på skoler og i klubber',
    'building',
    'under_18',
    'ssp',
    {
      tailored: true,
      legalBasis: 'Folkeskoleloven (undervisning); SSP-samarbejdet: retsplejeloven § 115',
    },
  ),
];

/**
 * Adds the standard offers to a municipality's catalogue when it has none yet (idempotent: a
 * municipality that already has offers is left as it is). The responsible unit is the
 * municipality's first unit (by name) of the offer's kind, if it has one. Returns the ids of the
 * offers added. Writes no audit entry: callers that act for a user write it.
 */
export async function seedStandardInterventions(
  trx: Kysely<DB>,
  municipalityCode: string,
): Promise<string[]> {
  if (await catalogueHasTypes(trx, municipalityCode)) return [];
  const units = await unitsByName(trx, municipalityCode);
  const unitOf = new Map<string, string>();
  for (const unit of units) if (!unitOf.has(unit.kind)) unitOf.set(unit.kind, unit.id);
  const rows = await insertTypes(
    trx,
    STANDARD_INTERVENTIONS.map((o) => ({
      municipality_code: municipalityCode,
      code: o.code,
      name: o.name,
      description: o.description,
      level: o.level,
      age_group: o.ageGroup,
      legal_basis: o.legalBasis,
      consent_required: o.consentRequired,
      tailored: o.tailored,
      reveals_concern: o.revealsConcern,
      responsible_unit_id: (o.unitKind && unitOf.get(o.unitKind)) ?? null,
    })),
  );
  return rows.map((r) => r.id);
}
