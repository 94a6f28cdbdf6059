import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginContextFor, type ContextKeys } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { abilities } from '../../access/policies.ts';
import { sessionCookie, type LoadedSession, type SessionSettings } from '../../access/sessions.ts';
import { hasSecurityKey } from '../../access/webauthn.ts';
import {
  AuthenticatedResponse,
  CodeBody,
  EnrolmentCompleteResponse,
  EnrolmentResponse,
  LoginBody,
  LoginResponse,
  RecoveryBody,
  SessionResponse,
  type SessionResponseBody,
} from './schema.ts';
import * as auth from './service.ts';
import { organisationSettings } from '../inquiries/organisation-model.ts';
import { webauthnRoutes } from './webauthn-routes.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Cookies are Secure everywhere but on a developer's own machine over plain http. */
function secureCookies(request: FastifyRequest) {
  return request.protocol === 'https' || !LOCAL_HOSTS.has(request.hostname);
}

/**
 * A login step that created a session: its token goes into the cookie, and the body carries the
 * session's new CSRF token (with whatever else the step answers).
 */
export function sessionStarted<T extends { token: string; csrfToken: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  created: T,
): Omit<T, 'token'> {
  reply.header('set-cookie', sessionCookie(created.token, secureCookies(request)));
  const { token: _token, ...body } = created;
  return body;
}

function requireSession(request: FastifyRequest): LoadedSession {
  if (!request.session) throw new AppError('unauthenticated');
  return request.session;
}

export const authRoutes =
  (options: { settings: SessionSettings; keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['auth']);
    const ctx = loginContextFor(app, options.keys);
    const { settings } = options;

    route.get(
      '/api/session',
      {
        policy: 'public',
        summary: 'The current session, user and abilities',
        response: { 200: SessionResponse },
      },
      async (request): Promise<SessionResponseBody> => {
        const session = request.session;
        if (!session) {
          return { state: 'anonymous', next: null, csrfToken: null, user: null, abilities: null };
        }
        if (session.state === 'password_ok') {
          const hasKey = await hasSecurityKey(app.database.db, session.user.id);
          return {
            state: 'password_ok',
            next: session.user.totpEnabled ? 'totp' : 'enrol_totp',
            csrfToken: session.csrfToken,
            user: null,
            abilities: null,
            secondFactors: [
              ...(session.user.totpEnabled ? (['totp'] as const) : []),
              ...(hasKey ? (['webauthn'] as const) : []),
            ],
          };
        }
        const u = session.user;
        const { municipality, district } = await auth.headerPlaces(app.database.db, u.id);
        return {
          state: 'authenticated',
          next: null,
          csrfToken: session.csrfToken,
          user: {
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            roles: u.roles,
            municipality,
            policeDistrict: district,
          },
          abilities: abilities(u),
          organisation: u.municipalityCode
            ? await organisationSettings(app.database.db, u.municipalityCode)
            : null,
        };
      },
    );

    route.post(
      '/api/auth/login',
      {
        policy: 'public',
        summary: 'Step 1: username and password',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        return sessionStarted(
          request,
          reply,
          await auth.login(ctx(request), settings, username, password),
        );
      },
    );

    // Step 2, two ways: both replace the pending session by a full one (new cookie and token).
    const secondFactors = [
      {
        url: '/api/auth/totp',
        summary: 'Step 2: the code from the authenticator app',
        body: CodeBody,
        complete: auth.completeWithTotp,
      },
      {
        url: '/api/auth/recovery-code',
        summary: 'Step 2 without the app: a one-time recovery code',
        body: RecoveryBody,
        complete: auth.completeWithRecoveryCode,
      },
    ] as const;
    for (const step of secondFactors) {
      route.post(
        step.url,
        {
          policy: 'pending',
          summary: step.summary,
          body: step.body,
          response: { 200: AuthenticatedResponse },
        },
        async (request, reply) => {
          const session = requireSession(request);
          const created = await step.complete(ctx(request), settings, session, request.body.code);
          return sessionStarted(request, reply, created);
        },
      );
    }

    route.post(
      '/api/auth/totp-enrolment',
      {
        policy: 'pending',
        summary: 'Start TOTP enrolment: a new secret and its QR code',
        response: { 200: EnrolmentResponse },
      },
      async (request) => auth.startEnrolment(ctx(request), requireSession(request)),
    );

    route.post(
      '/api/auth/totp-enrolment/confirm',
      {
        policy: 'pending',
        summary: 'Finish TOTP enrolment with a code; returns the one-time recovery codes once',
        body: CodeBody,
        response: { 200: EnrolmentCompleteResponse },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const created = await auth.completeEnrolment(
          ctx(request),
          settings,
          session,
          request.body.code,
        );
        return sessionStarted(request, reply, created);
      },
    );

    await app.register(webauthnRoutes({ ctx, settings, sessionStarted, requireSession }));

    route.post(
      '/api/auth/logout',
      { policy: 'session', summary: 'End the session on the server (answers 204)' },
      async (request, reply) => {
        await auth.logout(ctx(request), requireSession(request));
        reply.header('set-cookie', sessionCookie('', secureCookies(request), 0));
        return reply.status(204).send();
      },
    );
  };
