/**
 * Concern signs (no dependencies: the web app uses this file too), after the two-tier list of the National Centre for Prevention of Extremism
 * (NCFE), as printed in the national mapping of municipal efforts (2018, figure 8), plus the
 * general signs of a wider complex. Codes are stable; the texts (in the web app's catalogue,
 * written in our own words) may change.
 *
 * - serious: each alone is a reason to act at once — the inquiry becomes urgent and the form shows
 *   how to reach the police;
 * - other: a reason to act when several appear together;
 * - general: strengthen a concern, never make one alone.
 */
export const SIGN_TIERS = ['serious', 'other', 'general'] as const;
export type SignTier = (typeof SIGN_TIERS)[number];

export const CONCERN_SIGNS = {
  violence: 'serious',
  weapons_access: 'serious',
  threats_pressure: 'serious',
  hateful_vandalism: 'serious',
  violent_messages: 'serious',
  extremist_contacts: 'serious',
  vote_pressure: 'serious',
  conflict_travel: 'serious',
  absolute_solutions: 'serious',
  extremist_events: 'other',
  extremist_media: 'other',
  injustice_narratives: 'other',
  martyrdom_worship: 'other',
  totalitarian_symbols: 'other',
  anti_democratic: 'other',
  breaking_ties: 'other',
  mental_vulnerability: 'general',
  poor_wellbeing: 'general',
  crime: 'general',
  negative_influence: 'general',
} as const satisfies Record<string, SignTier>;

export type ConcernSign = keyof typeof CONCERN_SIGNS;
export const SIGN_CODES = Object.keys(CONCERN_SIGNS) as [ConcernSign, ...ConcernSign[]];

export function isSerious(code: ConcernSign): boolean {
  return CONCERN_SIGNS[code] === 'serious';
}
