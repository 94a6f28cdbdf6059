import { z } from 'zod';
import { compartment, record } from '../../access/compartment.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { backdateFields } from '../../platform/backdating.ts';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import { PersonRoleSchema } from '../cases/schema.ts';
import { InterventionAgeGroupSchema, InterventionLevelSchema } from '../interventions/schema.ts';
import { ConsentSchema } from './consent-schema.ts';

export {
  ConsentBody,
  ConsentChangedSchema,
  ConsentGivenBySchema,
  ConsentMethodSchema,
  ConsentScanBody,
  ConsentSchema,
  ConsentSignedBody,
  ConsentStatusSchema,
  WithdrawConsentBody,
  type Consent,
  type ConsentStatus,
} from './consent-schema.ts';

/**
 * Request and response shapes of interventions in a case, simple consent records and offers of
 * voluntary support (with renewed offers after a decline), shared with the web app. Request
 * objects are strict; creates take an optional client-generated `id`, so a repeated create
 * returns the record it made the first time instead of a second one.
 */

export const InterventionStatusSchema = z.enum([
  'planned',
  'active',
  'paused',
  'ended',
  'cancelled',
]);
export type InterventionStatus = z.infer<typeof InterventionStatusSchema>;
/** One person ('individual', exactly one participant) or a family or group (two or more). */
export const InterventionFormSchema = z.enum(['individual', 'group']);
export type InterventionForm = z.infer<typeof InterventionFormSchema>;
export const OfferKindSchema = z.enum(['mentor', 'parent_coach', 'other']);
export const OfferStatusSchema = z.enum(['scheduled', 'open', 'accepted', 'declined', 'cancelled']);
export const OfferAnswerSchema = z.enum(['accepted', 'declined']);

const ClientId = z.uuid().describe('Client-generated id: repeating the create returns the record');
const Purpose = z.string().trim().min(1).max(2000);
const ParticipantIds = z
  .array(z.uuid())
  .min(1)
  .max(20)
  .describe('The persons of the case taking part, the main person (personId) among them');
const ProviderName = z.string().trim().min(1).max(200).describe('An external provider');

export const InterventionParams = z.object({ id: z.uuid(), interventionId: z.uuid() }).strict();
export const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();
export const OfferParams = z.object({ id: z.uuid(), offerId: z.uuid() }).strict();

export const CreateInterventionBody = z
  .object({
    id: ClientId.optional(),
    interventionTypeId: z.uuid(),
    personId: z.uuid().describe('A person of the case: the main person'),
    form: InterventionFormSchema.optional().describe("Without it: 'individual'"),
    participantIds: ParticipantIds.optional().describe('Without it: the main person alone'),
    providerUserId: z
      .uuid()
      .optional()
      .describe('A user of the municipality (mentor, caseworker, coordinator, forum member)'),
    providerName: ProviderName.optional(),
    purpose: Purpose.optional(),
    startsOn: DateOnly.optional(),
    endsOn: DateOnly.optional(),
    ...backdateFields,
  })
  .strict();

export const UpdateInterventionBody = z
  .object({
    version: Version,
    status: z.enum(['active', 'paused', 'ended', 'cancelled']).optional(),
    startsOn: DateOnly.nullable().optional(),
    endsOn: DateOnly.nullable().optional(),
    endReason: z.string().trim().min(1).max(2000).optional(),
    purpose: Purpose.nullable().optional(),
    providerUserId: z.uuid().nullable().optional(),
    providerName: ProviderName.nullable().optional(),
    form: InterventionFormSchema.optional(),
    participantIds: ParticipantIds.optional(),
    ...backdateFields,
  })
  .strict();

export const SessionBody = z
  .object({
    heldOn: DateOnly,
    note: z.string().trim().min(1).max(10000),
    ...backdateFields,
  })
  .strict();

export const OfferBody = z
  .object({
    id: ClientId.optional(),
    personId: z.uuid().describe('A person of the case'),
    kind: OfferKindSchema,
    interventionTypeId: z.uuid().optional(),
    offeredOn: DateOnly,
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export const AnswerOfferBody = z
  .object({
    version: Version,
    answer: OfferAnswerSchema,
    answeredOn: DateOnly,
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export const MakeOfferBody = z.object({ version: Version, offeredOn: DateOnly }).strict();

const PersonRef = z.object({ id: z.uuid(), name: z.string(), role: PersonRoleSchema });

/**
 * A catalogue entry marked as revealing the concern (`revealsConcern`) has `name` and
 * `legalBasis` null; they travel in `concern`, a compartment field that only readers holding the
 * case's compartment receive. Everyone else is shown a neutral name, as the case shows a neutral
 * marker. An entry that does not reveal the concern has `concern` null.
 */
const TypeName = z.string().nullable().describe('null when the entry reveals the concern');
const ConcernNames = compartment(
  z.object({ name: z.string(), legalBasis: z.string().nullable() }).nullable(),
);

export const SessionSchema = z.object({
  id: z.uuid(),
  heldOn: z.iso.date(),
  note: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
  /** Held before the case was opened here: why it was recorded later. */
  backdateReason: BackdateReasonSchema.nullable(),
  backdateNote: z.string().nullable(),
});

export const CaseInterventionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  type: z.object({
    id: z.uuid(),
    name: TypeName,
    level: InterventionLevelSchema,
    legalBasis: z.string().nullable(),
    consentRequired: z.boolean(),
    concern: ConcernNames,
  }),
  /** The main person (the first participant). */
  person: PersonRef,
  form: InterventionFormSchema,
  /** Everyone taking part, the main person first. */
  participants: z.array(PersonRef),
  provider: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  providerName: z.string().nullable(),
  status: InterventionStatusSchema,
  purpose: z.string().nullable(),
  startsOn: z.iso.date().nullable(),
  endsOn: z.iso.date().nullable(),
  endReason: z.string().nullable(),
  /** Dated before the case was opened here: why it was recorded later. */
  backdateReason: BackdateReasonSchema.nullable(),
  backdateNote: z.string().nullable(),
  consent: z
    .object({ id: z.uuid(), givenOn: z.iso.date(), withdrawnOn: z.iso.date().nullable() })
    .nullable(),
  /** Newest first. */
  sessions: z.array(SessionSchema),
});
export type CaseIntervention = z.infer<typeof CaseInterventionSchema>;

export const OfferSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  person: PersonRef,
  kind: OfferKindSchema,
  interventionType: z.object({ id: z.uuid(), name: TypeName, concern: ConcernNames }).nullable(),
  /** 1: the first offer; 2 and 3: renewed after 3 and 6 months. */
  round: z.number().int().min(1).max(3),
  firstOfferId: z.uuid().nullable(),
  status: OfferStatusSchema,
  dueOn: z.iso.date().nullable(),
  offeredOn: z.iso.date().nullable(),
  answeredOn: z.iso.date().nullable(),
  note: z.string().nullable(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const CatalogueEntrySchema = z.object({
  id: z.uuid(),
  name: TypeName,
  level: InterventionLevelSchema,
  ageGroup: InterventionAgeGroupSchema,
  legalBasis: z.string().nullable(),
  consentRequired: z.boolean(),
  concern: ConcernNames,
});

export const CaseInterventionsSchema = record(
  'case',
  z.object({
    /** The case's id: the tab is one record with the case's compartment rule. */
    id: z.uuid(),
    interventions: z.array(CaseInterventionSchema),
    consents: z.array(ConsentSchema),
    offers: z.array(OfferSchema),
    /**
     * The active catalogue entries the reader may choose (empty for a mentor; without the
     * compartment, none that reveals the concern).
     */
    catalogue: z.array(CatalogueEntrySchema),
    /** Users who may provide an intervention (empty for a mentor). */
    providers: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  }),
);
export type CaseInterventions = z.infer<typeof CaseInterventionsSchema>;

export const CreatedSchema = z.object({ id: z.uuid(), version: z.number().int() });
export const UpdatedSchema = z.object({ id: z.uuid(), version: z.number().int() });
export const WithdrawnSchema = z.object({
  id: z.uuid(),
  /** Active interventions that relied on the consent and were paused. */
  pausedInterventionIds: z.array(z.uuid()),
});
export const AnsweredSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  /** Renewed offers scheduled by a declined first offer. */
  scheduled: z.array(z.object({ id: z.uuid(), round: z.number().int(), dueOn: z.iso.date() })),
  /** Later renewals cancelled by an accepted renewal. */
  cancelledOfferIds: z.array(z.uuid()),
});
