import { z } from 'zod';
import { OrganisationFlagsSchema } from '../inquiries/schema-organisation.ts';
import { RoleSchema } from '../../access/roles.ts';

export const LoginBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const CodeBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
  })
  .strict();

export const RecoveryBody = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z2-7]{5}-?[A-Z2-7]{5}$/, 'recovery code'),
  })
  .strict();

export const NextStepSchema = z.enum(['totp', 'enrol_totp']);

/** The second factors a user may have: the authenticator app (with recovery codes), a key. */
export const SecondFactorSchema = z.enum(['totp', 'webauthn']);

export const LoginResponse = z.object({ next: NextStepSchema, csrfToken: z.string() });

export const SessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  policeDistrict: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

export const AbilitiesSchema = z.object({
  inquiries: z.object({ create: z.boolean(), read: z.boolean() }),
  persons: z.object({ merge: z.boolean() }),
  forums: z.object({ read: z.boolean(), manage: z.boolean() }),
  meetings: z.object({ read: z.boolean(), create: z.boolean() }),
  settings: z.object({ read: z.boolean(), edit: z.boolean() }),
  catalogue: z.object({ read: z.boolean(), manage: z.boolean() }),
  records: z.object({ read: z.boolean(), breakGlass: z.boolean(), accessReport: z.boolean() }),
  admin: z.object({ users: z.boolean(), audit: z.boolean(), processingRecord: z.boolean() }),
  partners: z.object({ read: z.boolean(), manage: z.boolean() }),
  disclosures: z.object({ register: z.boolean() }),
  dataProtection: z.object({ dpia: z.boolean() }),
  accessRequests: z.object({ handle: z.boolean() }),
  /** A partner invited into cases (issue 13): their own cases, nothing else. */
  partner: z.object({ cases: z.boolean() }),
  transfers: z.object({ incoming: z.boolean() }),
  /** A police contact: the feedback to the municipality on inquiries handed to the police. */
  policeFeedback: z.object({ send: z.boolean() }),
  housingAreas: z.object({ read: z.boolean(), create: z.boolean() }),
  implementation: z.object({ read: z.boolean(), edit: z.boolean() }),
});

export const SessionResponse = z.object({
  state: z.enum(['anonymous', 'password_ok', 'authenticated']),
  next: NextStepSchema.nullable(),
  csrfToken: z.string().nullable(),
  user: SessionUserSchema.nullable(),
  abilities: AbilitiesSchema.nullable(),
  /**
   * The organisation model of the user's municipality (issue 14 part 1), so the web can hide
   * what the model does not use (forum meetings in model 1); null without a municipality.
   */
  organisation: OrganisationFlagsSchema.nullable().optional(),
  /** While the password is given: the second factors the user can choose from. */
  secondFactors: z.array(SecondFactorSchema).optional(),
});

export const EnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});

export const EnrolmentCompleteResponse = z.object({
  recoveryCodes: z.array(z.string()),
  csrfToken: z.string(),
});

export const AuthenticatedResponse = z.object({ csrfToken: z.string() });
export type SessionResponseBody = z.infer<typeof SessionResponse>;
