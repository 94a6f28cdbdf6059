import { z } from 'zod';
import { compartment, record } from '../../access/compartment.ts';

/** Request and response shapes of the cases module, shared with the web app. */
export const CaseIdParams = z.object({ id: z.uuid() }).strict();

export const CaseStatusSchema = z.enum(['active', 'on_hold', 'closed', 'under_review']);
export const CaseRoleSchema = z.enum(['coordinator', 'forum', 'member']);
export const CaseScopeSchema = z.enum(['full', 'intervention']);
export const PersonRoleSchema = z.enum([
  'citizen',
  'parent',
  'sibling',
  'younger_sibling',
  'spouse',
  'other',
]);
export const ExtremismFormSchema = z.enum([
  'militant_islamism',
  'right_wing',
  'left_wing',
  'other',
]);

/** The caller's own access to the record, so the web app can explain what it shows. */
export const AccessSchema = z.object({
  role: CaseRoleSchema.nullable(),
  scope: CaseScopeSchema,
  compartment: z.boolean(),
  breakGlass: z.boolean(),
  breakGlassUntil: z.iso.datetime().nullable(),
});

export const CaseListQuery = z
  .object({
    status: CaseStatusSchema.optional(),
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional()
      .describe('Keyset cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const CaseListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  openedAt: z.iso.datetime(),
  myRole: CaseRoleSchema.nullable(),
  breakGlass: z.boolean(),
  /** The citizen the case is about; absent for intervention-scoped members. */
  citizen: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const CaseListSchema = z.object({
  items: z.array(CaseListItem),
  nextCursor: z.string().nullable(),
});

export const CasePersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  birthDate: z.iso.date().nullable(),
  role: PersonRoleSchema,
});

export const CaseMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: CaseRoleSchema,
  scope: CaseScopeSchema,
  unitName: z.string().nullable(),
});

export const CaseDetailSchema = record(
  'case',
  z.object({
    id: z.uuid(),
    reference: z.string(),
    status: CaseStatusSchema,
    openedAt: z.iso.datetime(),
    version: z.number().int(),
    workSummary: z.string().nullable(),
    persons: z.array(CasePersonSchema),
    members: z.array(CaseMemberSchema),
    access: AccessSchema,
    // Compartment: only the case's coordinators and forum members receive these keys.
    extremismForm: compartment(ExtremismFormSchema.nullable()),
    extremismFormOther: compartment(z.string().nullable()),
    concernSummary: compartment(z.string().nullable()),
  }),
);
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const AddMemberBody = z
  .object({
    userId: z.uuid(),
    role: CaseRoleSchema,
    scope: CaseScopeSchema.default('full'),
    unitId: z.uuid().nullable().default(null),
  })
  .strict();

export const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export const BreakGlassBody = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^S-[0-9]{4}-[0-9]{4,6}$/),
    reason: z.string().trim().min(20).max(2000),
    code: z.string().regex(/^[0-9]{6}$/),
  })
  .strict();

export const BreakGlassResponse = z.object({
  caseId: z.uuid(),
  expiresAt: z.iso.datetime(),
});
