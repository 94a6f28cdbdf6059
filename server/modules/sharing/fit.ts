import type { OrganisationKind, SharingUse } from '../../../shared/sharing.ts';
import { AppError } from '../../platform/errors.ts';
import { PERMITTED_USES } from './defaults.ts';
import type { LegalBasis, LegalBasisKey } from './schema.ts';

/**
 * The fit rule (docs/SHARING.md): a legal basis is offered, and accepted at write time, only
 * where it fits — in force on the day, covering the kind of organisation, covering the use, and
 * never for a use the basis can never cover whatever its row says (PERMITTED_USES). One rule for
 * the pickers (`basesFor`) and for the later writes (`requireBasisFits`), so they cannot differ.
 */
export type FitProblem =
  | 'basis_unknown'
  | 'basis_not_in_force'
  | 'basis_use_not_permitted'
  | 'basis_use_not_covered'
  | 'basis_kind_not_covered'
  | 'basis_needs_consent';

export interface FitQuestion {
  organisationKind: OrganisationKind;
  use: SharingUse;
  /** The day the sharing happens or starts, yyyy-mm-dd. */
  day: string;
}

/** Whether the basis is in force on the day (valid_to is the first day it no longer applies). */
export function inForce(basis: LegalBasis, day: string): boolean {
  return basis.validFrom <= day && (basis.validTo === null || day < basis.validTo);
}

/** Why the basis does not fit, or null when it does (consent is checked by `requireBasisFits`). */
export function fitProblem(basis: LegalBasis, question: FitQuestion): FitProblem | null {
  if (!inForce(basis, question.day)) return 'basis_not_in_force';
  if (!PERMITTED_USES[basis.key].includes(question.use)) return 'basis_use_not_permitted';
  if (!basis.uses.includes(question.use)) return 'basis_use_not_covered';
  if (!basis.organisationKinds.includes(question.organisationKind)) return 'basis_kind_not_covered';
  return null;
}

/** The bases that fit, in the order given (the municipality's list). */
export function basesFor(bases: readonly LegalBasis[], question: FitQuestion): LegalBasis[] {
  return bases.filter((b) => fitProblem(b, question) === null);
}

/**
 * The write-time check later issues call (a partner invited, a disclosure recorded): the named
 * basis must fit, and one that needs consent needs a valid consent covering the sharing. A basis
 * that does not fit is refused on `field` with the code naming why (400, nothing stored).
 */
export function requireBasisFits(
  bases: readonly LegalBasis[],
  key: LegalBasisKey,
  question: FitQuestion & { consentValid: boolean },
  field = 'body.legalBasis',
): LegalBasis {
  const basis = bases.find((b) => b.key === key);
  const problem: FitProblem | null = basis
    ? (fitProblem(basis, question) ??
      (basis.requiresConsent && !question.consentValid ? 'basis_needs_consent' : null))
    : 'basis_unknown';
  if (problem !== null || !basis) {
    throw new AppError('validation_failed', {
      fields: [
        {
          field,
          code: problem ?? 'basis_unknown',
          ...(basis && { params: { basis: `${basis.law} ${basis.section}` } }),
        },
      ],
    });
  }
  return basis;
}
