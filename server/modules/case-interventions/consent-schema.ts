import { z } from 'zod';
import {
  DataCategorySchema,
  OrganisationKindSchema,
  SharingUseSchema,
} from '../../../shared/sharing.ts';
import { PersonRoleSchema } from '../cases/schema.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * The consent record's request and response shapes (docs/CONSENT.md, issue 13 part 4): who
 * consents (the person, or for a child the custody holders who give it), to what (uses,
 * categories of information, partner organisations and/or kinds of organisation, a purpose), from
 * when to when, and how (in writing, signed and scanned, or orally before a witness).
 */

export const ConsentGivenBySchema = z.enum(['person', 'guardian']);
export const ConsentMethodSchema = z.enum(['written', 'oral']);
/** What the list shows: valid, not yet valid, expired, withdrawn, or a written form not yet back. */
export const ConsentStatusSchema = z.enum([
  'valid',
  'not_yet_valid',
  'expired',
  'withdrawn',
  'awaiting_signature',
]);
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

/** The scanned copy: a PDF, PNG or JPEG of at most 600 kB, recognised by its bytes. */
export const CONSENT_SCAN_MAX_BYTES = 600 * 1024;
export const ConsentScanMediaTypeSchema = z.enum(['application/pdf', 'image/png', 'image/jpeg']);

export const ConsentBody = z
  .object({
    id: z
      .uuid()
      .optional()
      .describe('Client-generated id: repeating the create returns the record'),
    personId: z.uuid().describe('A person of the case: the one the consent is about'),
    givenBy: ConsentGivenBySchema,
    custodyHolderIds: z
      .array(z.uuid())
      .max(4)
      .default([])
      .describe('For a child: each custody holder (a person of the case) who gives the consent'),
    purpose: z.string().trim().min(1).max(1000),
    uses: z
      .array(SharingUseSchema)
      .min(1)
      .max(3)
      .default(['counselling'])
      .describe("Without it: ['counselling'] (serviceloven § 12 b), the simple consent of before"),
    categories: z.array(DataCategorySchema).max(10).default([]),
    organisationIds: z
      .array(z.uuid())
      .max(20)
      .default([])
      .describe('Partner organisations of the municipality'),
    organisationKinds: z.array(OrganisationKindSchema).max(11).default([]),
    method: ConsentMethodSchema,
    witness: z.string().trim().min(1).max(200).optional().describe('Required for an oral consent'),
    /** A written consent whose printed form has not come back signed yet. */
    awaitingSignature: z.boolean().default(false),
    givenOn: DateOnly,
    validFrom: DateOnly.optional().describe('Without it: the day it was given'),
    validTo: DateOnly.nullable()
      .optional()
      .describe(
        'The last day it is valid; null: explicitly open-ended (a sharing consent must say one of the two)',
      ),
  })
  .strict();
export type ConsentBody = z.infer<typeof ConsentBody>;

export const WithdrawConsentBody = z.object({ withdrawnOn: DateOnly }).strict();

/** The printed form came back signed. */
export const ConsentSignedBody = z.object({ version: Version, signedOn: DateOnly }).strict();

/** The scanned copy of the signed form (base64 in JSON, as the logo). */
export const ConsentScanBody = z
  .object({
    version: Version,
    // A little over the limit gets through, so the answer names the limit in words.
    file: z.base64().max(900_000),
  })
  .strict();

const PersonRef = z.object({ id: z.uuid(), name: z.string(), role: PersonRoleSchema });

export const ConsentSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  person: PersonRef,
  givenBy: ConsentGivenBySchema,
  custodyHolders: z.array(z.object({ id: z.uuid(), name: z.string() })),
  purpose: z.string(),
  uses: z.array(SharingUseSchema),
  categories: z.array(DataCategorySchema),
  organisations: z.array(
    z.object({ id: z.uuid(), name: z.string(), kind: OrganisationKindSchema }),
  ),
  organisationKinds: z.array(OrganisationKindSchema),
  method: ConsentMethodSchema,
  witness: z.string().nullable(),
  givenOn: z.iso.date(),
  validFrom: z.iso.date(),
  /** The last day it is valid; null: open-ended. */
  validTo: z.iso.date().nullable(),
  signedOn: z.iso.date().nullable(),
  scan: z.object({ mediaType: ConsentScanMediaTypeSchema, addedAt: z.iso.datetime() }).nullable(),
  withdrawnOn: z.iso.date().nullable(),
  status: ConsentStatusSchema,
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentChangedSchema = z.object({ id: z.uuid(), version: z.number().int() });
