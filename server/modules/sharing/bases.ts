import type { Kysely } from 'kysely';
import type { OrganisationKind, SharingUse } from '../../../shared/sharing.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { DEFAULT_BASES, PERMITTED_USES, type BasisValues } from './defaults.ts';
import { basesFor, requireBasisFits, type FitQuestion } from './fit.ts';
import { findBasisRows, insertBasisRow, updateBasisRow } from './queries-bases.ts';
import {
  LEGAL_BASIS_KEYS,
  type LegalBasis,
  type LegalBasisKey,
  type UpdateLegalBasis,
} from './schema.ts';

/**
 * The legal bases for sharing of a municipality (docs/SHARING.md): saved rows, else the product's
 * defaults (version 0). Read by the settings editor, the pickers and the write-time check.
 */
function presented(key: LegalBasisKey, v: BasisValues, version: number): LegalBasis {
  return {
    key,
    nameDa: v.name_da,
    nameEn: v.name_en,
    law: v.law,
    section: v.section,
    allowsDa: v.allows_da,
    allowsEn: v.allows_en,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    organisationKinds: v.organisation_kinds,
    uses: v.uses,
    requiresConsent: v.requires_consent,
    confirmed: v.confirmed,
    version,
  };
}

/** The municipality's bases, in the order of LEGAL_BASIS_KEYS. */
export async function getBases(db: Kysely<DB>, municipalityCode: string): Promise<LegalBasis[]> {
  const rows = new Map((await findBasisRows(db, municipalityCode)).map((r) => [r.key, r]));
  return LEGAL_BASIS_KEYS.map((key) => {
    const row = rows.get(key);
    if (!row) return presented(key, DEFAULT_BASES[key], 0);
    const values: BasisValues = {
      ...row,
      organisation_kinds: row.organisation_kinds as OrganisationKind[],
      uses: row.uses as SharingUse[],
    };
    return presented(key, values, row.version);
  });
}

/** The pickers: the municipality's bases that fit the kind of organisation and the use. */
export async function fittingBases(
  db: Kysely<DB>,
  municipalityCode: string,
  question: FitQuestion,
): Promise<LegalBasis[]> {
  return basesFor(await getBases(db, municipalityCode), question);
}

/**
 * The write-time check for later modules (partner invitations, disclosures, consent-based
 * access): run it in the write's transaction; throws a 400 on `field` naming why it does not fit.
 */
export async function checkBasisFits(
  db: Kysely<DB>,
  municipalityCode: string,
  key: LegalBasisKey,
  question: FitQuestion & { consentValid: boolean },
  field?: string,
): Promise<LegalBasis> {
  return requireBasisFits(await getBases(db, municipalityCode), key, question, field);
}

function problemsOf(key: LegalBasisKey, body: UpdateLegalBasis): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.validTo !== null && body.validTo <= body.validFrom) {
    problems.push({ field: 'body.validTo', code: 'valid_to_before_from' });
  }
  if (body.uses.some((u) => !PERMITTED_USES[key].includes(u))) {
    problems.push({ field: 'body.uses', code: 'basis_use_not_permitted' });
  }
  return problems;
}

/**
 * The administrator (for the municipality's lawyer) changes one basis: optimistic locking
 * (version 0 while on the default), a use the basis can never cover refused on the field, the
 * change audited in the same transaction.
 */
export async function changeBasis(
  ctx: RequestContext,
  key: LegalBasisKey,
  body: UpdateLegalBasis,
): Promise<LegalBasis[]> {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  const problems = problemsOf(key, body);
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
  const values: BasisValues = {
    name_da: body.nameDa,
    name_en: body.nameEn,
    law: body.law,
    section: body.section,
    allows_da: body.allowsDa,
    allows_en: body.allowsEn,
    valid_from: body.validFrom,
    valid_to: body.validTo,
    organisation_kinds: [...new Set(body.organisationKinds)],
    uses: [...new Set(body.uses)],
    requires_consent: body.requiresConsent,
    confirmed: body.confirmed,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await getBases(trx, code)).find((b) => b.key === key);
    requireVersion(current?.version ?? 0, body.version);
    const saved =
      body.version === 0
        ? await insertBasisRow(trx, code, key, values)
        : await updateBasisRow(trx, code, key, body.version, values);
    if (!saved) throw staleVersion(current?.version ?? null);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'legal_basis',
      resourceId: key,
      requestId: ctx.requestId,
      details: { key, confirmed: body.confirmed },
    });
  });
  return getBases(ctx.db, code);
}
