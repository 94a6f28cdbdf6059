import type { Kysely, Transaction } from 'kysely';
import { PartnerPartSchema, type PartnerAccessStatus } from '../../../shared/partners.ts';
import type { OrganisationKind } from '../../../shared/sharing.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { getBases } from '../sharing/bases.ts';
import { fitProblem } from '../sharing/fit.ts';
import type { LegalBasis } from '../sharing/schema.ts';
import { coveredAccesses } from './consent-cover.ts';
import type { AccessRow } from './queries.ts';
import type { PartnerAccess } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The basis as the user reads it: "Retsplejeloven § 115 – PSP-samarbejdet". */
export function basisText(basis: LegalBasis | undefined, key: string, locale: Locale): string {
  if (!basis) return key;
  const name = locale === 'en' ? basis.nameEn : basis.nameDa;
  return `${name} (${basis.law} ${basis.section})`.replace(/\s+\)/, ')');
}

/**
 * Where an invitation stands on `today`: ended early, past its end, on a closed case, from a
 * deactivated organisation, on a basis that no longer fits (re-checked with the sharing module's
 * fit rule: in force, covering standing access by the organisation's kind), without the consent
 * its basis needs (withdrawn, deleted, not the citizen's), or active. Only an active one is read.
 * The consents are checked beforehand for all rows at once (`coveredAccesses`): `covered`.
 */
export function statusOf(
  row: AccessRow,
  basis: LegalBasis | undefined,
  today: string,
  covered: ReadonlySet<string>,
): PartnerAccessStatus {
  if (row.ended_on !== null) return 'ended';
  if (row.ends_on < today) return 'expired';
  if (row.case_status === 'closed') return 'case_closed';
  if (!row.organisation_active) return 'organisation_inactive';
  const kind = row.organisation_kind as OrganisationKind;
  if (!basis || fitProblem(basis, { organisationKind: kind, use: 'standing_access', day: today })) {
    return 'basis_not_valid';
  }
  if (basis.requiresConsent && !covered.has(row.id)) return 'consent_withdrawn';
  return 'active';
}

export async function presentAccesses(
  db: Db,
  rows: AccessRow[],
  today: string,
  locale: Locale,
): Promise<PartnerAccess[]> {
  if (rows.length === 0) return [];
  const bases = await getBases(db as Kysely<DB>, rows[0]?.municipality_code ?? '');
  const covered = await coveredAccesses(db, rows, today);
  const result: PartnerAccess[] = [];
  for (const row of rows) {
    const basis = bases.find((b) => b.key === row.legal_basis);
    result.push({
      id: row.id,
      caseId: row.case_id,
      organisation: {
        id: row.organisation_id,
        name: row.organisation_name,
        kind: row.organisation_kind as OrganisationKind,
      },
      partner: {
        id: row.partner_user_id,
        name: row.partner_name,
        email: row.partner_email,
        activated: row.partner_activated,
      },
      parts: row.parts.filter(
        (p) => PartnerPartSchema.safeParse(p).success,
      ) as PartnerAccess['parts'],
      goalKeys: row.goal_keys,
      interventionIds: row.intervention_ids,
      legalBasis: { key: row.legal_basis, name: basisText(basis, row.legal_basis, locale) },
      purpose: row.purpose,
      consentId: row.consent_id,
      endsOn: row.ends_on,
      endedOn: row.ended_on,
      endReason: row.end_reason,
      status: statusOf(row, basis, today, covered),
      invitedBy: { id: row.invited_by, name: row.inviter_name },
      createdAt: new Date(row.created_at).toISOString(),
      version: row.version,
    });
  }
  return result;
}
