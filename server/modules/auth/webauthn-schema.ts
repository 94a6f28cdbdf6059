import { z } from 'zod';
import { Int4 } from '../../platform/primitives.ts';

/**
 * Request and response shapes of the security-key routes (webauthn-routes.ts). The options are
 * the JSON forms of the WebAuthn dictionaries as @simplewebauthn/browser expects them; the
 * answers are what its startRegistration()/startAuthentication() return.
 */
const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'base64url');

/**
 * The browser's extension outputs are not ours to enumerate and are not used: unknown entries
 * are dropped (not rejected), so a browser that reports a new extension still works.
 */
const ClientExtensionResults = z.object({}).default({});

const Attachment = z.enum(['platform', 'cross-platform']);

/** A PublicKeyCredential in its JSON form: the same wrapper around either kind of answer. */
function credential<R extends z.ZodRawShape>(response: R) {
  return z
    .object({
      id: base64url(1400),
      rawId: base64url(1400),
      type: z.literal('public-key'),
      response: z.object(response).strict(),
      authenticatorAttachment: Attachment.optional(),
      clientExtensionResults: ClientExtensionResults,
    })
    .strict();
}

export const RegistrationCredential = credential({
  clientDataJSON: base64url(4000),
  attestationObject: base64url(16_000),
  authenticatorData: base64url(16_000).optional(),
  transports: z.array(z.string().max(32)).max(10).optional(),
  publicKeyAlgorithm: Int4.optional(),
  publicKey: base64url(8000).optional(),
});

export const AuthenticationCredential = credential({
  clientDataJSON: base64url(4000),
  authenticatorData: base64url(4000),
  signature: base64url(2000),
  userHandle: base64url(200).optional(),
});

export const NewSecurityKeyBody = z
  .object({
    nickname: z.string().trim().min(1).max(100),
    credential: RegistrationCredential,
  })
  .strict();

const CredentialDescriptor = z.object({
  id: z.string(),
  type: z.string(),
  transports: z.array(z.string()).optional(),
});

const UserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** Adding a key is a change of one's second factors: the current TOTP code is asked again. */
export const RegistrationOptionsBody = z.object({ code: z.string().regex(/^[0-9]{6}$/) }).strict();

export const RegistrationOptionsResponse = z.object({
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(CredentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: Attachment.optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: UserVerification.optional(),
    })
    .optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});

export const AuthenticationOptionsResponse = z.object({
  challenge: z.string(),
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(CredentialDescriptor).optional(),
  userVerification: UserVerification.optional(),
});

export const SecurityKeySchema = z.object({
  id: z.uuid(),
  nickname: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const SecurityKeyList = z.object({ securityKeys: z.array(SecurityKeySchema) });

export const SecurityKeyParams = z.object({ id: z.uuid() }).strict();
