import type { MemberName, Records, World } from './write-world.ts';
import { CASE_BODIES } from './valid-bodies-cases.ts';
import { INQUIRY_BODIES } from './valid-bodies-inquiries.ts';
import { PARTNER_BODIES } from './valid-bodies-partners.ts';
import { CONSENT_BODIES } from './valid-bodies-consents.ts';
import { TRANSFER_BODIES } from './valid-bodies-transfers.ts';
import { CITIZEN_MEETING_BODIES } from './valid-bodies-citizen-meetings.ts';
import { NETWORK_MAP_BODIES } from './valid-bodies-network-maps.ts';

/**
 * A valid request per write operation that names a record (`x-record`), keyed by "METHOD path":
 * what must exist first (`prepare`, made by members through the API) and the body. The
 * need-to-know tests send it as a non-member (404, as for a missing id, and nothing changes) and
 * then as the member named in `as` (accepted: 2xx), which proves the body is valid and the record
 * in a state that takes it — else the non-member's 404 would prove nothing. A new record write
 * operation without an entry here fails `need-to-know-writes-*.int.test.ts`.
 */
export type Prepared = Record<string, string | number>;

export interface WriteFixture {
  /** The member whose request is accepted (default: the case's or inquiry's coordinator). */
  as?: MemberName;
  /** Sub-records the path names, made first; string values fill the path's placeholders. */
  prepare?: (w: World, r: Records) => Promise<Prepared>;
  /** The request body; undefined sends none. */
  body?: (w: World, r: Records, p: Prepared) => Record<string, unknown>;
  /** The accepted request only reads (and audits): no table changes. */
  readsOnly?: true;
}

/** One entry per record write; a module's file of entries is added here. */
export const VALID_BODIES: Record<string, WriteFixture> = {
  ...CASE_BODIES,
  ...INQUIRY_BODIES,
  ...PARTNER_BODIES,
  ...CONSENT_BODIES,
  ...TRANSFER_BODIES,
  ...CITIZEN_MEETING_BODIES,
  ...NETWORK_MAP_BODIES,
};
