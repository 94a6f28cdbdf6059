import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api';

/** A client-generated id for a create: a repeated request returns the same record. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The error names this field problem code (e.g. consent_required). */
export function hasFieldCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.fields.some((f) => f.code === code);
}

/** A catalogue entry as the tab's API sends it (server/modules/case-interventions/schema.ts). */
interface TypeNames {
  name: string | null;
  legalBasis?: string | null;
  concern?: { name: string; legalBasis: string | null } | null;
}

/**
 * The entry's name. One that reveals the concern comes without a name to a reader outside the
 * compartment: a neutral name then, as the case shows a neutral marker.
 */
export function typeName(t: TFunction, type: TypeNames): string {
  return type.concern?.name ?? type.name ?? t('caseInterventions.neutralName');
}

/** The entry's legal basis, "none given", or for such an entry outside the compartment, neutral. */
export function typeLegalBasis(t: TFunction, type: TypeNames): string {
  if (!type.concern && type.name === null) return t('caseInterventions.neutralLegalBasis');
  const legalBasis = type.concern ? type.concern.legalBasis : type.legalBasis;
  return legalBasis ?? t('caseInterventions.interventions.noLegalBasis');
}

/**
 * A choice the body requires, sent as made: while none is made it is left out, and the
 * schema (the browser's and the server's) says it is required.
 */
export function chosen<T>(value: T | null): T {
  return (value ?? undefined) as T;
}
