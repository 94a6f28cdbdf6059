import { z } from 'zod';
import {
  AREA_INTERVENTION_KINDS,
  AREA_INTERVENTION_STATUSES,
  AreaInterventionKindSchema,
  AreaInterventionStatusSchema,
  IdentificationRelationSchema,
  IdentificationSignSchema,
  IdentificationToolSchema,
} from '../../../shared/housing-areas.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * Request and response shapes of the area work (issue 16 parts 3 and 5): the identification
 * forms (tools 4a and 4b), which become concern inquiries, and the area interventions of phase 3.
 * Shared with the web app, which validates its forms with them.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

export const AreaIdParams = z.object({ id: z.uuid() }).strict();
export const AreaInterventionParams = z.object({ id: z.uuid(), interventionId: z.uuid() }).strict();
export const InterventionIdParams = z.object({ interventionId: z.uuid() }).strict();

/** The person the form is about, as an inquiry records a person (no CPR number asked for). */
export const IdentifiedPersonSchema = z
  .object({
    givenName: text(100),
    familyName: text(100),
    birthDate: DateOnly.nullable().default(null),
    /** An approximate age when the birth date is not known. */
    age: z.number().int().min(0).max(120).nullable().default(null),
  })
  .strict();

export const IdentificationBody = z
  .object({
    /** Chosen by the client: a repeated send answers the same receipt. */
    id: z.uuid(),
    tool: IdentificationToolSchema,
    person: IdentifiedPersonSchema,
    /** 4a: how the person relates to someone in an extremist environment. */
    relation: IdentificationRelationSchema.nullable().default(null),
    signs: z.array(IdentificationSignSchema).max(20).default([]),
    observation: optionalText(10_000),
    resources: optionalText(2000),
    contact: optionalText(500),
    /** There is danger to the person or to others right now: the inquiry is urgent. */
    immediateDanger: z.boolean().default(false),
    /**
     * A report about a child under Barnets lov (the sender is a professional): the intake's rule
     * applies — refused on the field unless the birth date shows a person under 18.
     */
    childReport: z.boolean().default(false),
  })
  .strict();
export type Identification = z.infer<typeof IdentificationBody>;

/** The sender's receipt: the inquiry's reference, nothing of the inquiry itself. */
export const IdentificationReceiptSchema = z.object({
  inquiryId: z.uuid(),
  reference: z.string(),
  deadlineAt: z.string(),
  /** The sender may open the inquiry (a coordinator of the municipality). */
  canOpen: z.boolean(),
});

const participants = z.number().int().min(0).max(100_000).nullable().default(null);

export const CreateAreaInterventionBody = z
  .object({
    id: z.uuid(),
    kind: AreaInterventionKindSchema,
    title: text(200),
    description: optionalText(4000),
    targetGroup: optionalText(500),
    startsOn: DateOnly.nullable().default(null),
    endsOn: DateOnly.nullable().default(null),
    plannedParticipants: participants,
    actualParticipants: participants,
    connectorIds: z.array(z.uuid()).max(50).default([]),
    nextFollowUpOn: DateOnly.nullable().default(null),
  })
  .strict();
export type CreateAreaIntervention = z.infer<typeof CreateAreaInterventionBody>;

export const UpdateAreaInterventionBody = CreateAreaInterventionBody.omit({ id: true, kind: true })
  .extend({ version: Version })
  .strict();
export type UpdateAreaIntervention = z.infer<typeof UpdateAreaInterventionBody>;

export const ChangeStatusBody = z
  .object({
    version: Version,
    status: AreaInterventionStatusSchema,
    /** The day of the change (default: today). */
    on: DateOnly.nullable().default(null),
    note: optionalText(4000),
    /** Required when phasing out: the intervention is monitored until this day. */
    monitoringUntil: DateOnly.nullable().default(null),
  })
  .strict();
export type ChangeStatus = z.infer<typeof ChangeStatusBody>;

export const FollowUpBody = z
  .object({
    id: z.uuid(),
    version: Version,
    on: DateOnly,
    note: text(4000),
    nextFollowUpOn: DateOnly.nullable().default(null),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUpBody>;

export const InterventionListQuery = z
  .object({
    kind: AreaInterventionKindSchema.optional(),
    status: AreaInterventionStatusSchema.optional(),
    /** Keyset pages ("Vis flere"): the previous page's `nextCursor`. */
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type InterventionListFilter = z.output<typeof InterventionListQuery>;

export const AreaInterventionEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['status', 'follow_up']),
  fromStatus: AreaInterventionStatusSchema.nullable(),
  toStatus: AreaInterventionStatusSchema.nullable(),
  on: z.string(),
  note: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  createdAt: z.string(),
});

export const AreaInterventionAbilitiesSchema = z.object({
  edit: z.boolean(),
  changeStatus: z.boolean(),
  followUp: z.boolean(),
});

export const AreaInterventionSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  areaName: z.string(),
  kind: z.enum(AREA_INTERVENTION_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  targetGroup: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  plannedParticipants: z.number().nullable(),
  actualParticipants: z.number().nullable(),
  connectors: z.array(z.object({ id: z.uuid(), label: z.string() })),
  status: z.enum(AREA_INTERVENTION_STATUSES),
  monitoringUntil: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  version: z.number(),
  abilities: AreaInterventionAbilitiesSchema,
});
export type AreaInterventionView = z.infer<typeof AreaInterventionSchema>;

export const AreaInterventionDetailSchema = AreaInterventionSchema.extend({
  entries: z.array(AreaInterventionEntrySchema),
});

export const AreaInterventionListSchema = z.object({
  items: z.array(AreaInterventionSchema),
  /** The caller may record a new one in this area (absent for the municipality-wide list). */
  canCreate: z.boolean(),
  /** The next page's cursor (`after`), null on the last page. */
  nextCursor: z.string().nullable(),
});
