import { z } from 'zod';
import { DisclosureChannelSchema } from '../../../shared/disclosures.ts';
import { DataCategorySchema, OrganisationKindSchema } from '../../../shared/sharing.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { DateOnly } from '../../platform/primitives.ts';

/**
 * "Who has seen and received this citizen's data" (issue 13, Done when): the data-protection
 * role's one view of a citizen's reads (the audit trail) and disclosures (the register), in one
 * time order. POST, so that a CPR number travels in the body and never in a URL.
 */
export const TrailKindSchema = z.enum(['all', 'read', 'disclosure']);
export type TrailKind = z.infer<typeof TrailKindSchema>;

export const CitizenTrailBody = z
  .object({
    cpr: z
      .string()
      .trim()
      .regex(/^[0-9]{6}-?[0-9]{4}$/)
      .optional(),
    personId: z.uuid().optional(),
    kind: TrailKindSchema.default('all'),
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    after: cursorParameter(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CitizenTrailBody = z.infer<typeof CitizenTrailBody>;

export const TrailEntrySchema = z.object({
  /** Stable within the view: `a<audit id>` for a read, `d<disclosure id>` for a disclosure. */
  key: z.string(),
  kind: TrailKindSchema.exclude(['all']),
  /** When: the read's time; a disclosure's recording time, never later than its day's end. */
  at: z.iso.datetime(),
  personId: z.uuid(),
  /** A read's audit action (read, search, export, print, break_glass); 'disclose' otherwise. */
  action: z.string(),
  /** Who: the reader's role code and unit (reads); the user who recorded it (both). */
  role: z.string().nullable(),
  unitName: z.string().nullable(),
  userName: z.string().nullable(),
  purpose: z.string().nullable(),
  legalBasis: z.string().nullable(),
  breakGlass: z.boolean(),
  /** What was read (a part of a case, when the entry says it) and the record's kind. */
  resourceType: z.string().nullable(),
  part: z.string().nullable(),
  disclosure: z
    .object({
      id: z.uuid(),
      disclosedOn: z.iso.date(),
      caseReference: z.string().nullable(),
      recipientOrganisation: z.string(),
      recipientKind: OrganisationKindSchema,
      recipientPerson: z.string().nullable(),
      categories: z.array(DataCategorySchema),
      documents: z.string().nullable(),
      decidedBy: z.string(),
      channel: DisclosureChannelSchema,
      productSource: z.string().nullable(),
    })
    .nullable(),
});
export type TrailEntry = z.infer<typeof TrailEntrySchema>;

export const CitizenTrailSchema = z.object({
  /** The registrations of the citizen the criterion found (name and birth date, no CPR). */
  persons: z.array(
    z.object({ id: z.uuid(), name: z.string(), birthDate: z.iso.date().nullable() }),
  ),
  items: z.array(TrailEntrySchema),
  nextCursor: z.string().nullable(),
});
export type CitizenTrail = z.infer<typeof CitizenTrailSchema>;
