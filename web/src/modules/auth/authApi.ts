import type { z } from 'zod';
import type {
  AuthenticatedResponse,
  EnrolmentCompleteResponse,
  EnrolmentResponse,
  LoginResponse,
} from '../../../../server/modules/auth/schema.ts';
import { apiSend } from '../../app/api';

/** The login steps of `server/modules/auth/routes.ts`. Each answer carries a new CSRF token. */
export type LoginResult = z.infer<typeof LoginResponse>;
export type Enrolment = z.infer<typeof EnrolmentResponse>;
export type EnrolmentResult = z.infer<typeof EnrolmentCompleteResponse>;
type Authenticated = z.infer<typeof AuthenticatedResponse>;

export const ENROLMENT_QUERY_KEY = ['auth', 'totp-enrolment'] as const;

export const login = (body: { username: string; password: string }) =>
  apiSend<LoginResult>('POST', '/api/auth/login', body);

export const confirmTotp = (code: string) =>
  apiSend<Authenticated>('POST', '/api/auth/totp', { code });

export const sendRecoveryCode = (code: string) =>
  apiSend<Authenticated>('POST', '/api/auth/recovery-code', { code });

export const startEnrolment = () => apiSend<Enrolment>('POST', '/api/auth/totp-enrolment');

export const confirmEnrolment = (code: string) =>
  apiSend<EnrolmentResult>('POST', '/api/auth/totp-enrolment/confirm', { code });

export const logout = () => apiSend('POST', '/api/auth/logout');

/** Codes are typed as the app shows them; spaces (e.g. "123 456") are not part of the code. */
export const withoutSpaces = (code: string) => code.replace(/\s+/g, '');
