import type { AccessRequestStatus } from '../../shared/access-requests.ts';
import { allows } from './policies.ts';
import type { CurrentUser } from './sessions.ts';

/** What the caller may do with one access request (sent with it; the web shows actions from it). */
export interface AccessRequestAbilities {
  /** Release, withhold or redact items (while in review). */
  review: boolean;
  /** Approve the reviewed draft: a second person, not one who decided an item (four-eyes). */
  approve: boolean;
  /** Produce the release (after approval). */
  release: boolean;
  /** Download the released package. */
  download: boolean;
}

/**
 * The one rule for a request's parts: the municipality's data-protection role
 * handle requests of their own municipality (the route's policy `accessRequests.handle` and the
 * tenant key of every query); the status decides which step is open; the approver is not one who
 * reviewed an item.
 */
export function accessRequestAbilities(
  user: CurrentUser,
  request: { status: AccessRequestStatus; reviewerIds: string[]; allDecided: boolean },
): AccessRequestAbilities {
  const handles = allows(user, 'accessRequests.handle');
  return {
    review: handles && request.status === 'in_review',
    approve:
      handles &&
      request.status === 'in_review' &&
      request.allDecided &&
      !request.reviewerIds.includes(user.id),
    release: handles && request.status === 'approved',
    download: handles && request.status === 'released',
  };
}
