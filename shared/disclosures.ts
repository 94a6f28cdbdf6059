import { z } from 'zod';
import { OrganisationKindSchema } from './sharing.ts';

/**
 * Value lists of the disclosure register (issue 13 part 2, docs/DISCLOSURES.md), defined once
 * here for server and web; the web labels them under `disclosures.*`.
 */

/** How information left the team: recorded by hand afterwards, or handed out by the product. */
export const DisclosureChannelSchema = z.enum(['phone', 'letter', 'meeting', 'email', 'product']);
export type DisclosureChannel = z.infer<typeof DisclosureChannelSchema>;
export const DISCLOSURE_CHANNELS = DisclosureChannelSchema.options;

/** The channels a user records by hand (the product's own entries say `product`). */
export const HandChannelSchema = z.enum(['phone', 'letter', 'meeting', 'email']);
export type HandChannel = z.infer<typeof HandChannelSchema>;
export const HAND_CHANNELS = HandChannelSchema.options;

/**
 * Who received a disclosure: a partner organisation's kind, or the citizen themself (a released
 * access request, issue 13 part 7). The form records organisations only (OrganisationKindSchema).
 */
export const DisclosureRecipientKindSchema = z.enum([...OrganisationKindSchema.options, 'citizen']);
export type DisclosureRecipientKind = z.infer<typeof DisclosureRecipientKindSchema>;
