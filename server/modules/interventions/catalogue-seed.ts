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
 * own words. Legal bases are given only where the law is certain; the measures for children and
 * young people are in Barnets lov since 1 January 2024 (before: Serviceloven §§ 50–58). Each
 * municipality adjusts its catalogue afterwards (names, units, legal bases, inactive offers).
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
  offer('individual_talks', 'Individuelle samtaler (fx SSP)', 'anticipating', 'all', 'ssp'),
  offer('psychologist', 'Psykologsamtaler', 'anticipating', 'all', null),
  offer('group_family_talks', 'Gruppe- og familiesamtaler', 'anticipating', 'all', 'social_family'),
  offer('network_meetings', 'Netværksmøder', 'anticipating', 'all', 'ssp', {
    description: 'Møder med familie, netværk og fagpersoner omkring borgeren.',
  }),
  offer('family_treatment', 'Familiebehandling', 'anticipating', 'under_18', 'children_youth', {
    legalBasis: 'Barnets lov § 32',
  }),
  offer('education_support', 'Støtte til uddannelse', 'anticipating', 'all', 'children_youth'),
  offer('employment_support', 'Støtte til beskæftigelse', 'anticipating', 'all', 'jobcenter', {
    legalBasis: 'LAB',
  }),
  offer('work_placement', 'Virksomhedspraktik', 'anticipating', 'all', 'jobcenter', {
    legalBasis: 'LAB',
  }),
  offer('other_counselling', 'Anden rådgivning', 'anticipating', 'all', null),
  offer(
    'psychiatric_treatment',
    'Psykiatrisk behandling',
    'anticipating',
    'all',
    'psychiatry_liaison',
  ),
  offer('addiction_treatment', 'Misbrugsbehandling', 'anticipating', 'all', 'social_family'),
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
  offer('behavioural_therapy', 'Adfærdsterapi', 'anticipating', 'all', null),
  offer('youth_events', 'Ungdomsarrangementer', 'building', 'under_18', 'ssp'),
  offer('leisure_activities', 'Fritidsaktiviteter', 'building', 'all', 'ssp'),
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
    },
  ),
  offer('parent_coach', 'Forældrecoachforløb', 'anticipating', 'all', 'mentors_coaches', {
    description: 'Coach, der støtter forældre til et barn eller en ung i risiko.',
    tailored: true,
  }),
  offer(
    'dialogue_meetings',
    'Dialogmøder og besøg på skoler og i klubber',
    'building',
    'under_18',
    'ssp',
    {
      tailored: true,
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
