import { z } from 'zod';
import {
  DisclosureChannelSchema,
  DisclosureRecipientKindSchema,
  HandChannelSchema,
} from '../../../shared/disclosures.ts';
import { DataCategorySchema, OrganisationKindSchema } from '../../../shared/sharing.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly } from '../../platform/primitives.ts';

/**
 * The disclosure register's request and response shapes (also the OpenAPI document and the web's
 * forms): a disclosure recorded by hand on a case, the case's disclosures, the data-protection
 * role's search of the register, and the case's read log.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A disclosure made outside the product (a phone call, a letter, a meeting), recorded by hand. */
export const RecordDisclosureBody = z
  .object({
    id: z
      .uuid()
      .describe('Chosen by the client: the same id again answers the entry already there'),
    disclosedOn: DateOnly.describe('The day the information left the team'),
    recipientOrganisation: text(200).describe('The organisation that received the information'),
    recipientKind: OrganisationKindSchema,
    recipientPerson: z.string().trim().max(200).nullable().default(null),
    categories: z.array(DataCategorySchema).min(1).max(10),
    documents: z.string().trim().max(1000).nullable().default(null),
    legalBasis: text(300).describe('The law, its section and the basis, e.g. Retsplejeloven § 115'),
    purpose: text(1000),
    decidedBy: text(200).describe('Who decided that the information could be disclosed'),
    channel: HandChannelSchema,
    personIds: z.array(z.uuid()).min(1).max(20).describe('Persons of the case concerned'),
    consentId: z
      .uuid()
      .optional()
      .describe(
        "On the consent basis: the case's consent that covers the disclosure (refused when none valid covers it)",
      ),
    recipientOrganisationId: z
      .uuid()
      .optional()
      .describe('The partner organisation (of the municipality) that received it, if it is one'),
  })
  .strict();
export type RecordDisclosureBody = z.infer<typeof RecordDisclosureBody>;

export const DisclosureSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable(),
  /** The case's reference (the register's rows name it; null for an entry without a case). */
  caseReference: z.string().nullable(),
  disclosedOn: z.iso.date(),
  recipientOrganisation: z.string(),
  recipientKind: DisclosureRecipientKindSchema,
  recipientPerson: z.string().nullable(),
  categories: z.array(DataCategorySchema),
  documents: z.string().nullable(),
  legalBasis: z.string(),
  purpose: z.string(),
  decidedBy: z.string(),
  channel: DisclosureChannelSchema,
  recordedByHand: z.boolean(),
  productSource: z.string().nullable(),
  persons: z.array(z.object({ id: z.uuid(), name: z.string() })),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }),
  recordedAt: z.iso.datetime(),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const DisclosureListQuery = z
  .object({
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const DisclosureListSchema = z.object({
  items: z.array(DisclosureSchema),
  nextCursor: z.string().nullable(),
});
export type DisclosureList = z.infer<typeof DisclosureListSchema>;

/**
 * The register's search (POST, so that a CPR number never appears in a URL): by citizen (a CPR
 * number, found through its digest, or a person's id), recipient, legal basis and period.
 */
export const RegisterSearchBody = z
  .object({
    cpr: z
      .string()
      .trim()
      .regex(/^[0-9]{6}-?[0-9]{4}$/)
      .optional(),
    personId: z.uuid().optional(),
    recipient: z.string().trim().min(1).max(200).optional(),
    legalBasis: z.string().trim().min(1).max(300).optional(),
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    after: cursorParameter(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type RegisterSearchBody = z.infer<typeof RegisterSearchBody>;

export const RegisterPageSchema = z.object({
  /** The persons the citizen criterion found (none when it found nobody, or was not given). */
  persons: z.array(
    z.object({ id: z.uuid(), name: z.string(), birthDate: z.iso.date().nullable() }),
  ),
  items: z.array(DisclosureSchema),
  nextCursor: z.string().nullable(),
});
export type RegisterPage = z.infer<typeof RegisterPageSchema>;

export const ReadLogQuery = z
  .object({
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const ReadLogEntrySchema = z.object({
  occurredAt: z.iso.datetime(),
  action: z.string(),
  /** The reader's role code (translated in the web) and unit. */
  role: z.string().nullable(),
  unitName: z.string().nullable(),
  purpose: z.string().nullable(),
  breakGlass: z.boolean(),
  /** What was read (a part of the case: 'case', 'plan', 'filings' …) when the entry says it. */
  part: z.string().nullable(),
  /** Only for the municipality's data-protection role; absent for the case's coordinator. */
  employeeName: z.string().optional(),
});

export const ReadLogSchema = z.object({
  items: z.array(ReadLogEntrySchema),
  nextCursor: z.string().nullable(),
  employeeNamesShown: z.boolean(),
});
export type ReadLog = z.infer<typeof ReadLogSchema>;

/** A disclosure as the citizen's access report shows it (no employee names). */
export const PersonDisclosureSchema = z.object({
  disclosedOn: z.iso.date(),
  recipientOrganisation: z.string(),
  recipientKind: DisclosureRecipientKindSchema,
  categories: z.array(DataCategorySchema),
  legalBasis: z.string(),
  purpose: z.string(),
  channel: DisclosureChannelSchema,
});
export type PersonDisclosure = z.infer<typeof PersonDisclosureSchema>;
