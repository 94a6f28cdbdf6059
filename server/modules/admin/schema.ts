import { z } from 'zod';
import { DateOnly, QueryFlag, SmallIntId, Version } from '../../platform/primitives.ts';
import { RoleSchema } from '../../access/roles.ts';
import { MAX_PASSWORD_LENGTH } from '../../access/password-limits.ts';
import { AUDIT_ACTIONS } from '../../platform/audit/tables.ts';
import { MunicipalityCodeSchema, UnitKindSchema } from '../organisation/schema.ts';

/**
 * Request and response shapes of the administration: users, units and the audit viewer. Request
 * objects are strict (unknown fields are rejected); the response schemas are the presenters.
 */

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username')
  .describe('3–64 characters: a–z, 0–9, dot, dash, underscore; starts with a letter or digit');
const DisplayName = z.string().trim().min(1).max(200);
const Roles = z
  .array(RoleSchema)
  .min(1)
  .max(10)
  .transform((roles) => [...new Set(roles)]);
const UnitIds = z
  .array(z.uuid())
  .max(50)
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);
const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .describe('For notifications (sent only when e-mail is configured)');
const PoliceDistrictId = SmallIntId;

export const IdParams = z.object({ id: z.uuid() }).strict();

// ── Users ────────────────────────────────────────────────────────────────────────────────

export const UserStatusSchema = z.enum(['active', 'disabled']);

export const AdminUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  municipalityCode: MunicipalityCodeSchema.nullable(),
  /** Police staff work for a police district instead of a municipality. */
  policeDistrictId: z.number().int().nullable(),
  email: z.string().nullable(),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  status: UserStatusSchema,
  secondFactorEnrolled: z.boolean(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});

export const UserListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('Part of the username or name'),
    role: RoleSchema.optional(),
    unitId: z.uuid().optional(),
    status: UserStatusSchema.optional(),
    municipality: MunicipalityCodeSchema.optional().describe(
      'System administrators only; others always see their own municipality',
    ),
    after: Username.optional().describe('Keyset cursor: the last username of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const UserListSchema = z.object({
  items: z.array(AdminUserSchema),
  nextCursor: z.string().nullable(),
});

export const CreateUserBody = z
  .object({
    username: Username,
    displayName: DisplayName,
    roles: Roles,
    unitIds: UnitIds.default([]),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH).describe('The initial password'),
    email: Email.optional(),
    municipalityCode: MunicipalityCodeSchema.optional().describe(
      'System administrators choose it; others may only name their own (it is the default)',
    ),
    policeDistrictId: PoliceDistrictId.optional().describe(
      'System administrators only: police staff work for a district instead of a municipality (exactly one of the two)',
    ),
  })
  .strict();

export const UpdateUserBody = z
  .object({
    version: Version,
    displayName: DisplayName.optional(),
    email: Email.nullable().optional().describe('null removes it'),
    roles: Roles.optional(),
    unitIds: UnitIds.optional(),
  })
  .strict();

// ── Units ────────────────────────────────────────────────────────────────────────────────

export const AdminUnitSchema = z.object({
  id: z.uuid(),
  municipalityCode: MunicipalityCodeSchema,
  kind: UnitKindSchema,
  name: z.string(),
  version: z.number().int(),
});

export const UnitListQuery = z
  .object({
    municipality: MunicipalityCodeSchema.optional().describe(
      'System administrators only; others always see their own municipality',
    ),
  })
  .strict();

export const CreateUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: UnitKindSchema,
    municipalityCode: MunicipalityCodeSchema.optional(),
  })
  .strict();

export const RenameUnitBody = z
  .object({ version: Version, name: z.string().trim().min(1).max(200) })
  .strict();

// ── Audit viewer ─────────────────────────────────────────────────────────────────────────

export const AuditActionSchema = z.enum(AUDIT_ACTIONS);

export const AuditQuery = z
  .object({
    from: DateOnly.optional().describe('First day (Danish time), YYYY-MM-DD'),
    to: DateOnly.optional().describe('Last day (Danish time), YYYY-MM-DD, inclusive'),
    actorUserId: z.uuid().optional(),
    action: AuditActionSchema.optional(),
    resourceType: z
      .string()
      .trim()
      .regex(/^[a-z_]{1,50}$/, 'resource type')
      .optional(),
    resourceId: z.string().trim().min(1).max(100).optional(),
    subjectPersonId: z.uuid().optional(),
    breakGlass: QueryFlag.optional(),
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'cursor')
      .optional()
      .describe('Opaque cursor: nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const DetailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z
    .object({ id: z.uuid(), username: z.string().nullable(), displayName: z.string().nullable() })
    .nullable(),
  actorRole: z.string().nullable(),
  actorUnitId: z.uuid().nullable(),
  action: AuditActionSchema,
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  subjectPersonId: z.uuid().nullable(),
  purpose: z.string().nullable(),
  legalBasis: z.string().nullable(),
  requestId: z.string().nullable(),
  breakGlass: z.boolean(),
  details: z.record(z.string(), DetailValue),
});

export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.number().int(), reason: z.string() })
    .optional(),
});

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type AdminUnit = z.infer<typeof AdminUnitSchema>;
export type UserListFilter = z.infer<typeof UserListQuery>;
export type CreateUser = z.infer<typeof CreateUserBody>;
export type UpdateUser = z.infer<typeof UpdateUserBody>;
export type AuditFilter = z.infer<typeof AuditQuery>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditList = z.infer<typeof AuditListSchema>;
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
