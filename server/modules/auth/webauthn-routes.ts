import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LoginContext } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import type { LoadedSession, SessionSettings } from '../../access/sessions.ts';
import { authenticationOptions, registrationOptions, relyingParty } from '../../access/webauthn.ts';
import { consumeStep, verifySecondFactorAgain } from '../../access/reauth.ts';
import type { sessionStarted } from './routes.ts';
import { AuthenticatedResponse } from './schema.ts';
import {
  AuthenticationCredential,
  AuthenticationOptionsResponse,
  NewSecurityKeyBody,
  RegistrationOptionsBody,
  RegistrationOptionsResponse,
  SecurityKeyList,
  SecurityKeyParams,
  SecurityKeySchema,
} from './webauthn-schema.ts';
import * as keys from './webauthn-service.ts';

/**
 * Security keys (WebAuthn): the second login step with a key, and managing one's own keys.
 * Registered by authRoutes, which lends its request context, session cookie and session check.
 */
export const webauthnRoutes =
  (deps: {
    ctx: (request: FastifyRequest) => LoginContext;
    settings: SessionSettings;
    sessionStarted: typeof sessionStarted;
    requireSession: (request: FastifyRequest) => LoadedSession;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['auth']);
    const { requireSession } = deps;

    route.post(
      '/api/auth/webauthn/options',
      {
        policy: 'pending',
        summary: 'Step 2 with a security key: a challenge for the keys of the pending user',
        response: { 200: AuthenticationOptionsResponse },
      },
      async (request) =>
        authenticationOptions(app.database.db, requireSession(request), relyingParty(request)),
    );

    route.post(
      '/api/auth/webauthn',
      {
        policy: 'pending',
        summary: "Step 2 with a security key: the key's signed answer",
        body: AuthenticationCredential,
        response: { 200: AuthenticatedResponse },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const created = await keys.completeWithSecurityKey(
          deps.ctx(request),
          deps.settings,
          session,
          relyingParty(request),
          request.body,
        );
        return deps.sessionStarted(request, reply, created);
      },
    );

    route.get(
      '/api/auth/webauthn/credentials',
      {
        policy: 'session',
        summary: 'My security keys (names and dates, never key material)',
        response: { 200: SecurityKeyList },
      },
      async (request) => ({
        securityKeys: await keys.listSecurityKeys(deps.ctx(request), requireSession(request)),
      }),
    );

    route.post(
      '/api/auth/webauthn/registration-options',
      {
        policy: 'session',
        summary:
          'Start adding a security key (the current TOTP code again): options for navigator.credentials.create()',
        body: RegistrationOptionsBody,
        response: { 200: RegistrationOptionsResponse },
      },
      async (request) => {
        const session = requireSession(request);
        const ctx = deps.ctx(request);
        // A stolen session alone must not be enough to add a key of the thief's own.
        const step = await verifySecondFactorAgain(
          ctx.db,
          ctx.keys.secret,
          session.user,
          request.body.code,
          ctx.ip,
        );
        await ctx.db.transaction().execute((trx) => consumeStep(trx, session.user.id, step));
        return registrationOptions(ctx.db, session, relyingParty(request));
      },
    );

    route.post(
      '/api/auth/webauthn/credentials',
      {
        policy: 'session',
        summary: 'Finish adding a security key: its name and the browser’s answer',
        body: NewSecurityKeyBody,
        response: { 201: SecurityKeySchema },
      },
      async (request, reply) => {
        const key = await keys.addSecurityKey(
          deps.ctx(request),
          requireSession(request),
          relyingParty(request),
          request.body.nickname,
          request.body.credential,
        );
        return reply.status(201).send(key);
      },
    );

    route.delete(
      '/api/auth/webauthn/credentials/:id',
      {
        policy: 'session',
        summary: 'Remove one of my security keys (answers 204)',
        params: SecurityKeyParams,
      },
      async (request, reply) => {
        await keys.removeSecurityKey(deps.ctx(request), requireSession(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
