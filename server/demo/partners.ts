import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * Fictional partner organisations of Demo Kommune (issue 13, docs/SHARING.md): one of each kind
 * the demo cases meet, and one private provider that delivers mentoring on the municipality's
 * behalf under a processor agreement. Fixed ids, so a second start adds nothing; every name says
 * "Demo" and the CVR/EAN numbers are made up.
 */
const PARTNERS = [
  {
    id: '5e1f0a00-0000-4000-8000-000000000001',
    name: 'Demo Psykiatriske Center',
    kind: 'psychiatry',
    contact_email: 'psp@demo-psykiatri.example',
  },
  {
    id: '5e1f0a00-0000-4000-8000-000000000002',
    name: 'Kriminalforsorgen Demo Fængsel',
    kind: 'prison_probation',
    contact_email: 'ksp@demo-kriminalforsorg.example',
  },
  {
    id: '5e1f0a00-0000-4000-8000-000000000003',
    name: 'Demo Skole, Nordbyen',
    kind: 'school',
    contact_email: 'kontor@demo-skole.example',
  },
  {
    id: '5e1f0a00-0000-4000-8000-000000000004',
    name: 'Demo Boligsociale Helhedsplan',
    kind: 'housing_social_work',
    contact_email: null,
  },
  {
    id: '5e1f0a00-0000-4000-8000-000000000005',
    name: 'Demo Mentorhus ApS',
    kind: 'private_provider',
    contact_email: 'kontakt@demo-mentorhus.example',
    cvr: '99999901',
    data_processor: true,
    processor_agreement_ref: 'DBA-DEMO-2026-01',
    processor_agreement_date: '2026-01-15',
  },
] as const;

export async function seedDemoPartners(db: Kysely<DB>, municipalityCode: string): Promise<void> {
  await db
    .insertInto('partner_organisations')
    .values(PARTNERS.map((p) => ({ ...p, municipality_code: municipalityCode })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
