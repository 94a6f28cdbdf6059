import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { safeEqual } from '../platform/crypto.ts';
import { allows, isUserPolicy } from './policies.ts';
import {
  SESSION_COOKIE,
  loadSession,
  readCookie,
  type LoadedSession,
  type SessionSettings,
} from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session, when the request carries a live one. */
    session: LoadedSession | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs before every handler: loads the session, rejects cross-site state changes, then applies
 * the route's policy. Unauthenticated → 401; logged in without the right → 403. Record-level
 * need-to-know is not decided here (it answers 404 in the record's module).
 */
export function installAccessGuard(app: FastifyInstance, settings: SessionSettings) {
  app.decorateRequest('session', null);

  // onRequest: decided before the body is read or validated, so a caller without the right
  // learns nothing about the route's schema and uploads nothing.
  app.addHook('onRequest', async (request) => {
    // The not-found handler has no route and no policy: it answers 404 whoever asks.
    if (request.is404) return;
    const policy = request.routeOptions.config.policy;
    if (policy === 'public' && !request.url.startsWith('/api/')) return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token && /^[A-Za-z0-9_-]{20,100}$/.test(token)) {
      request.session = (await loadSession(app.database.db, token, settings)) ?? null;
    }
    if (STATE_CHANGING.has(request.method)) checkCsrf(request);

    const session = request.session;
    switch (policy) {
      case undefined:
        throw new AppError('forbidden');
      case 'public':
        return;
      case 'pending':
        if (session?.state !== 'password_ok') throw new AppError('unauthenticated');
        return;
      case 'session':
        if (session?.state !== 'authenticated') throw new AppError('unauthenticated');
        return;
      default:
        if (session?.state !== 'authenticated') throw new AppError('unauthenticated');
        if (!isUserPolicy(policy) || !allows(session.user, policy)) throw new AppError('forbidden');
    }
  });
}

/**
 * CSRF: a state change must come from our own pages. The Origin header, when sent, must be this
 * host; with a session, the X-CSRF-Token header must match the session's token. SameSite=Strict
 * cookies are the second line.
 */
function checkCsrf(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.headers.host) throw new AppError('csrf_failed');
  }
  if (request.session) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, request.session.csrfToken)) {
      throw new AppError('csrf_failed');
    }
  }
}
