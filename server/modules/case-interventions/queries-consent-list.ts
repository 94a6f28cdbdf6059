import type { Kysely, Transaction } from 'kysely';
import {
  DataCategorySchema,
  OrganisationKindSchema,
  SharingUseSchema,
} from '../../../shared/sharing.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { personName } from '../cases/queries.ts';
import { PersonRoleSchema } from '../cases/schema.ts';
import { consentStatus } from './consent-cover.ts';
import {
  ConsentGivenBySchema,
  ConsentMethodSchema,
  ConsentScanMediaTypeSchema,
  type Consent,
} from './consent-schema.ts';

/**
 * The case's consents as the interventions tab lists them (newest first), with their scope, the
 * names of the partner organisations and custody holders they name, and their status on `today`.
 * Every statement matches the case's tenant key. The scan's bytes are never read here.
 */
export async function listConsents(
  db: Kysely<DB> | Transaction<DB>,
  theCase: CaseKey,
  today: string,
): Promise<Consent[]> {
  const rows = await db
    .selectFrom('case_consents as c')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'c.person_id').onRef('p.municipality_code', '=', 'c.municipality_code'),
    )
    .leftJoin('case_persons as cp', (join) =>
      join
        .onRef('cp.person_id', '=', 'c.person_id')
        .onRef('cp.case_id', '=', 'c.case_id')
        .onRef('cp.municipality_code', '=', 'c.municipality_code'),
    )
    .innerJoin('users as r', 'r.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.version',
      'c.given_by',
      'c.custody_holder_ids',
      'c.purpose',
      'c.uses',
      'c.categories',
      'c.organisation_ids',
      'c.organisation_kinds',
      'c.method',
      'c.witness',
      'c.given_on',
      'c.valid_from',
      'c.valid_to',
      'c.signed_on',
      'c.scan_media_type',
      'c.scan_added_at',
      'c.withdrawn_on',
      'c.recorded_at',
      'r.display_name',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'cp.role as person_role',
    ])
    .where('c.case_id', '=', theCase.caseId)
    .where('c.municipality_code', '=', theCase.municipalityCode)
    .orderBy('c.given_on', 'desc')
    .orderBy('c.recorded_at', 'desc')
    .execute();
  if (rows.length === 0) return [];

  const organisationIds = [...new Set(rows.flatMap((r) => r.organisation_ids))];
  const organisations =
    organisationIds.length === 0
      ? []
      : await db
          .selectFrom('partner_organisations')
          .select(['id', 'name', 'kind'])
          .where('municipality_code', '=', theCase.municipalityCode)
          .where('id', 'in', organisationIds)
          .execute();
  const holderIds = [...new Set(rows.flatMap((r) => r.custody_holder_ids))];
  const holders =
    holderIds.length === 0
      ? []
      : await db
          .selectFrom('persons')
          .select(['id', 'given_name', 'family_name'])
          .where('municipality_code', '=', theCase.municipalityCode)
          .where('id', 'in', holderIds)
          .execute();

  return rows.map((c) => ({
    id: c.id,
    version: c.version,
    person: {
      id: c.person_id,
      name: personName(c),
      role: PersonRoleSchema.parse(c.person_role ?? 'other'),
    },
    givenBy: ConsentGivenBySchema.parse(c.given_by),
    custodyHolders: c.custody_holder_ids.flatMap((id) => {
      const h = holders.find((x) => x.id === id);
      return h ? [{ id, name: personName(h) }] : [];
    }),
    purpose: c.purpose,
    uses: c.uses.map((u) => SharingUseSchema.parse(u)),
    categories: c.categories.map((x) => DataCategorySchema.parse(x)),
    organisations: c.organisation_ids.flatMap((id) => {
      const o = organisations.find((x) => x.id === id);
      return o ? [{ id, name: o.name, kind: OrganisationKindSchema.parse(o.kind) }] : [];
    }),
    organisationKinds: c.organisation_kinds.map((k) => OrganisationKindSchema.parse(k)),
    method: ConsentMethodSchema.parse(c.method),
    witness: c.witness,
    givenOn: c.given_on,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    signedOn: c.signed_on,
    scan:
      c.scan_media_type && c.scan_added_at
        ? {
            mediaType: ConsentScanMediaTypeSchema.parse(c.scan_media_type),
            addedAt: c.scan_added_at.toISOString(),
          }
        : null,
    withdrawnOn: c.withdrawn_on,
    status: consentStatus(c, today),
    recordedBy: c.display_name,
    recordedAt: c.recorded_at.toISOString(),
  }));
}
