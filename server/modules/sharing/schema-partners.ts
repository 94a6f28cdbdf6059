import { z } from 'zod';
import { OrganisationKindSchema } from '../../../shared/sharing.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * Partner organisations (issue 13, docs/SHARING.md): the organisations a municipality shares
 * with or buys from, kept by its administrator. Shared with the web app.
 */
export const PartnerOrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKindSchema,
  cvr: z.string().nullable(),
  ean: z.string().nullable(),
  contactEmail: z.string().nullable(),
  dataProcessor: z.boolean(),
  processorAgreementRef: z.string().nullable(),
  processorAgreementDate: DateOnly.nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PartnerOrganisation = z.infer<typeof PartnerOrganisationSchema>;
export const PartnerListSchema = z.object({ items: z.array(PartnerOrganisationSchema) });

export const PartnerStatusFilterSchema = z.enum(['active', 'inactive', 'all']);

export const PartnerListQuery = z
  .object({
    kind: OrganisationKindSchema.optional(),
    q: z.string().trim().max(100).optional().describe('Part of the name (case-insensitive)'),
    status: PartnerStatusFilterSchema.default('active'),
  })
  .strict();
export type PartnerListFilter = z.infer<typeof PartnerListQuery>;

/** Empty text is no value: the form's blank optional fields arrive as "" or null. */
const optional = (inner: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), inner.nullable());

export const PartnerFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: OrganisationKindSchema,
    cvr: optional(
      z
        .string()
        .trim()
        .regex(/^\d{8}$/),
    ).default(null),
    ean: optional(
      z
        .string()
        .trim()
        .regex(/^\d{13}$/),
    ).default(null),
    contactEmail: optional(z.string().trim().max(254).pipe(z.email())).default(null),
    dataProcessor: z.boolean(),
    processorAgreementRef: optional(z.string().trim().max(200)).default(null),
    processorAgreementDate: optional(DateOnly).default(null),
  })
  .strict();
export type PartnerValues = z.infer<typeof PartnerFields>;

export const CreatePartnerBody = PartnerFields.extend({
  id: z.uuid().describe('Chosen by the client: sending the same create again makes one record'),
}).strict();
export type CreatePartner = z.infer<typeof CreatePartnerBody>;

export const UpdatePartnerBody = PartnerFields.extend({ version: Version }).strict();
export type UpdatePartner = z.infer<typeof UpdatePartnerBody>;

export const PartnerVersionBody = z.object({ version: Version }).strict();

export const PartnerIdParams = z.object({ id: z.uuid() }).strict();
