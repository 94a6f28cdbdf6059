/**
 * The facts of the data protection impact assessment (GDPR art. 35) template, in this one place:
 * the risks to the citizens' rights the product's processing carries, and for each the measures
 * the product takes. A measure named in `securityMeasures` (facts.ts) keeps the record of
 * processing's own words (`processingRecord.security.*`); the others have theirs under
 * `processingRecord.dpia.measures.*`. Every measure names code that enforces it (docs/SECURITY.md,
 * docs/SHARING.md, docs/DISCLOSURES.md); what the product does not enforce is marked `enforced:
 * false` and left to the municipality, never claimed.
 */

/** Why the processing is necessary and proportionate: the points the template argues. */
export const NECESSITY = [
  'purpose',
  'legal_basis',
  'minimisation',
  'sharing_fit',
  'storage',
  'transparency',
  'rights',
  'processors',
] as const;

/** Measures described by the record of processing (facts.ts `securityMeasures`). */
export type SecurityMeasure =
  | 'two_factor'
  | 'passwords'
  | 'throttling'
  | 'sessions'
  | 'need_to_know'
  | 'compartment'
  | 'field_encryption'
  | 'audit_chain'
  | 'audit_reads'
  | 'security_headers';

/** Further measures, each enforced by the code its text names. */
export const OWN_MEASURES = [
  'break_glass',
  'read_log',
  'citizen_trail',
  'legal_basis_fit',
  'disclosure_register',
  'purpose_limit',
  'four_eyes',
  'chronology',
  'access_report',
  'notice',
  'retention',
  'no_statistics_export',
] as const;
export type OwnMeasure = (typeof OWN_MEASURES)[number];

/** Measures the product does not enforce itself: the template says so. */
export const NOT_ENFORCED: readonly OwnMeasure[] = ['no_statistics_export'];

export interface Risk {
  code: string;
  measures: readonly (SecurityMeasure | OwnMeasure)[];
}

/** The risks to the citizens' rights and freedoms, in the product's own words. */
export const RISKS: readonly Risk[] = [
  {
    code: 'unauthorised_access',
    measures: [
      'need_to_know',
      'two_factor',
      'passwords',
      'throttling',
      'sessions',
      'break_glass',
      'audit_reads',
      'read_log',
    ],
  },
  { code: 'concern_exposed', measures: ['compartment', 'need_to_know', 'audit_reads'] },
  {
    code: 'disclosure_without_basis',
    measures: ['legal_basis_fit', 'purpose_limit', 'disclosure_register', 'citizen_trail'],
  },
  { code: 'wrong_data', measures: ['four_eyes', 'chronology', 'access_report'] },
  { code: 'over_retention', measures: ['retention'] },
  { code: 'reidentification', measures: ['no_statistics_export'] },
  { code: 'insider_misuse', measures: ['audit_chain', 'audit_reads', 'read_log', 'citizen_trail'] },
  { code: 'breach', measures: ['field_encryption', 'security_headers', 'sessions'] },
  { code: 'not_informed', measures: ['notice', 'access_report'] },
];

export const SECURITY_MEASURES: readonly SecurityMeasure[] = [
  'two_factor',
  'passwords',
  'throttling',
  'sessions',
  'need_to_know',
  'compartment',
  'field_encryption',
  'audit_chain',
  'audit_reads',
  'security_headers',
];

/** The blanks of the municipality's own assessment, per risk and for the whole. */
export const RISK_BLANKS = ['likelihood', 'severity', 'residual', 'further_measures'] as const;
export const SIGN_OFF = ['dpo_advice', 'decision', 'consult_authority', 'review_date'] as const;
