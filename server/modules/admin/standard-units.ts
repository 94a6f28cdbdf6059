import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitKind } from '../organisation/schema.ts';
import { insertMissingUnits } from './queries-units.ts';

/**
 * The standard units every municipality starts with. Units are the administration's table
 * (admin/service.ts creates and renames them); the names are the municipality's to change.
 */
export const STANDARD_UNITS: { kind: UnitKind; name: string }[] = [
  { kind: 'ssp', name: 'SSP' },
  { kind: 'children_youth', name: 'Børn og Unge' },
  { kind: 'social_family', name: 'Social- og familieafdelingen' },
  { kind: 'jobcenter', name: 'Jobcenter' },
  { kind: 'integration', name: 'Integration' },
  { kind: 'psychiatry_liaison', name: 'PSP – psykiatrisamarbejde' },
  { kind: 'police_contact', name: 'Politiets kontaktperson (Infohus)' },
  { kind: 'prison_service_contact', name: 'KSP – Kriminalforsorgen' },
  { kind: 'housing_social_work', name: 'Boligsocial indsats' },
  { kind: 'mentors_coaches', name: 'Mentorer og forældrecoaches' },
];

/** Gives a municipality the standard units it has not got (by name); used by the demo seed. */
export async function createStandardUnits(db: Kysely<DB>, municipalityCode: string) {
  await insertMissingUnits(db, municipalityCode, STANDARD_UNITS);
}
