import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS, SHARING_USES } from '../../../shared/sharing.ts';
import { AppError } from '../../platform/errors.ts';
import { DEFAULT_BASES } from './defaults.ts';
import { basesFor, requireBasisFits } from './fit.ts';
import { LEGAL_BASIS_KEYS, type LegalBasis } from './schema.ts';

/**
 * The fit rule on the product's seeded bases (docs/SHARING.md): each rule of issue 13 as a case,
 * and the "never" rules checked for every kind of organisation, also against a basis edited to
 * claim a use it can never cover.
 */
const BASES: LegalBasis[] = LEGAL_BASIS_KEYS.map((key) => {
  const v = DEFAULT_BASES[key];
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
    version: 0,
  };
});
const DAY = '2026-12-06';
const keysFor = (
  organisationKind: LegalBasis['organisationKinds'][number],
  use: LegalBasis['uses'][number],
  bases = BASES,
) => basesFor(bases, { organisationKind, use, day: DAY }).map((b) => b.key);

describe('the fit rule', () => {
  it('offers § 115 (SSP, PSP, KSP) to the police for standing access, and consent', () => {
    expect(keysFor('police', 'standing_access')).toEqual([
      'rpl_115_ssp',
      'rpl_115_psp',
      'rpl_115_ksp',
      'consent',
    ]);
  });

  it('offers no § 115 basis to a school: only consent, or the value-leap rule for one disclosure', () => {
    expect(keysFor('school', 'standing_access')).toEqual(['consent']);
    expect(keysFor('school', 'single_disclosure')).toEqual(['value_leap', 'consent']);
  });

  it('offers PSP to psychiatry and KSP to Kriminalforsorgen, not the other way round', () => {
    expect(keysFor('psychiatry', 'standing_access')).toEqual(['rpl_115_psp', 'consent']);
    expect(keysFor('prison_probation', 'standing_access')).toEqual(['rpl_115_ksp', 'consent']);
  });

  it('never offers the value-leap rule for standing access, § 115 a for anything, or § 12 b for sharing', () => {
    for (const kind of ORGANISATION_KINDS) {
      expect(keysFor(kind, 'standing_access')).not.toContain('value_leap');
      for (const use of SHARING_USES) expect(keysFor(kind, use)).not.toContain('rpl_115a');
      expect(keysFor(kind, 'standing_access')).not.toContain('sel_12b');
      expect(keysFor(kind, 'single_disclosure')).not.toContain('sel_12b');
    }
    expect(keysFor('municipal_unit', 'counselling')).toEqual(['sel_12b']);
  });

  it('holds the "never" rules even when a row claims more than the law allows', () => {
    const edited = BASES.map((b) =>
      b.key === 'value_leap' ? { ...b, uses: [...SHARING_USES] } : b,
    );
    expect(keysFor('police', 'standing_access', edited)).not.toContain('value_leap');
  });

  it('offers nothing outside its validity', () => {
    const ended = BASES.map((b) => ({ ...b, validTo: '2026-01-01' }));
    expect(keysFor('police', 'single_disclosure', ended)).toEqual([]);
    expect(
      basesFor(BASES, { organisationKind: 'police', use: 'single_disclosure', day: '2017-01-01' }),
    ).toEqual([]);
  });
});

describe('the check at write time', () => {
  const problem = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof AppError ? e.options.fields?.[0]?.code : String(e);
    }
    return null;
  };
  const q = {
    organisationKind: 'school',
    use: 'standing_access',
    day: DAY,
    consentValid: false,
  } as const;

  it('names why a basis does not fit', () => {
    expect(problem(() => requireBasisFits(BASES, 'rpl_115_ssp', q))).toBe('basis_kind_not_covered');
    expect(problem(() => requireBasisFits(BASES, 'value_leap', q))).toBe('basis_use_not_permitted');
    expect(problem(() => requireBasisFits(BASES, 'consent', q))).toBe('basis_needs_consent');
    expect(problem(() => requireBasisFits(BASES, 'consent', { ...q, day: '2010-01-01' }))).toBe(
      'basis_not_in_force',
    );
    expect(problem(() => requireBasisFits([], 'consent', q))).toBe('basis_unknown');
  });

  it('accepts a fitting basis, and consent with a valid consent', () => {
    expect(requireBasisFits(BASES, 'consent', { ...q, consentValid: true }).key).toBe('consent');
    expect(
      requireBasisFits(BASES, 'rpl_115_ksp', { ...q, organisationKind: 'prison_probation' }).key,
    ).toBe('rpl_115_ksp');
  });
});
