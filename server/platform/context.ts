import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../access/sessions.ts';
import type { DB } from './db/schema.ts';
import { AppError } from './errors.ts';
import { localeFromHeader, type Locale } from './i18n/index.ts';

/** Key material every service may need: the audit trail's HMAC key and the field key. */
export interface ContextKeys {
  audit: Buffer;
  secret: Buffer;
}

/**
 * The one context a service takes: who asks (user, with municipality, roles and units), in which
 * language, through which database, and the request id the audit trail and logs carry. Built
 * once per request by `requestContext`; services never look at the Fastify request.
 */
export interface RequestContext {
  db: Kysely<DB>;
  keys: ContextKeys;
  user: CurrentUser;
  requestId: string;
  ip: string;
  language: Locale;
}

/**
 * The request's context for a logged-in caller (401 when there is no session, which the guard
 * normally answers first). A module's routes make one `contextOf` with the app's keys and call it
 * per request.
 */
export function contextFor(app: FastifyInstance, keys: ContextKeys) {
  return (request: FastifyRequest): RequestContext => {
    if (!request.session) throw new AppError('unauthenticated');
    return {
      db: app.database.db,
      keys,
      user: request.session.user,
      requestId: request.id,
      ip: request.ip,
      language: localeFromHeader(request.headers['accept-language']),
    };
  };
}

/**
 * The context of the login path, where nobody is logged in yet: the request context without
 * its user (the session, when there is one, is passed on its own).
 */
export type LoginContext = Omit<RequestContext, 'user'>;

export function loginContextFor(app: FastifyInstance, keys: ContextKeys) {
  return (request: FastifyRequest): LoginContext => ({
    db: app.database.db,
    keys,
    requestId: request.id,
    ip: request.ip,
    language: localeFromHeader(request.headers['accept-language']),
  });
}

/**
 * A case as its rows are found: its id and its municipality, the tenant key every row of case
 * work carries (db/migrations/0015). A query of a case's rows matches both, so a row of another
 * municipality is never read or changed through a case id alone. A `CaseAccess` is one: the
 * case's municipality, already checked to be in the caller's area (their own municipality, or
 * one their police district covers).
 */
export interface CaseKey {
  caseId: string;
  municipalityCode: string;
}
