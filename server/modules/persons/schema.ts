import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../platform/audit/tables.ts';
import { CaseStatusSchema, PersonRoleSchema } from '../cases/schema.ts';

/** Request and response shapes of the persons module, shared with the web app. */
export const PersonIdParams = z.object({ id: z.uuid() }).strict();

export const PersonSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date().nullable(),
  /** DDMMYY-XXXX: the last four digits are never sent here. */
  cprMasked: z
    .string()
    .regex(/^[0-9]{6}-XXXX$/)
    .nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  cases: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: CaseStatusSchema,
      role: PersonRoleSchema,
    }),
  ),
  version: z.number().int(),
});

export const AccessReportQuery = z
  .object({
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional()
      .describe('Keyset cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const AccessReportEntry = z.object({
  occurredAt: z.iso.datetime(),
  action: z.enum(AUDIT_ACTIONS),
  purpose: z.string().nullable(),
  legalBasis: z.string().nullable(),
  unitName: z.string().nullable(),
  breakGlass: z.boolean(),
  /** Only for the municipality's data-protection role; absent for everyone else. */
  employeeName: z.string().optional(),
});

export const AccessReportSchema = z.object({
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    birthDate: z.iso.date().nullable(),
  }),
  municipalityCode: z.string(),
  generatedAt: z.iso.datetime(),
  employeeNamesShown: z.boolean(),
  items: z.array(AccessReportEntry),
  nextCursor: z.string().nullable(),
});
export type AccessReport = z.infer<typeof AccessReportSchema>;
