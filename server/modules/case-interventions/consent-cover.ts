import type { ConsentStatus } from './consent-schema.ts';

/**
 * The one covering check for consent (docs/CONSENT.md), for other modules: `findCoveringConsent`
 * answers whether a consent of the case covers a sharing or a counselling on a day (its SQL is in
 * queries-consent-cover.ts), `consentValidOn` is the same validity inside another statement, and
 * `consentStatus` is what the list shows.
 */
export {
  consentValidOn,
  findCoveringConsent,
  findCoveringConsents,
  type CoverQuestion,
  type NamedCoverQuestion,
} from './queries-consent-cover.ts';

/** What the list shows for a consent on the day `today`. */
export function consentStatus(
  c: {
    method: string;
    signed_on: string | null;
    valid_from: string;
    valid_to: string | null;
    withdrawn_on: string | null;
  },
  today: string,
): ConsentStatus {
  if (c.withdrawn_on !== null && c.withdrawn_on <= today) return 'withdrawn';
  if (c.valid_to !== null && c.valid_to < today) return 'expired';
  if (c.method === 'written' && c.signed_on === null) return 'awaiting_signature';
  if (c.valid_from > today || (c.signed_on !== null && c.signed_on > today)) return 'not_yet_valid';
  return 'valid';
}
