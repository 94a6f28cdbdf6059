import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/index.ts';
import { answerFrameworkError, installErrorHandler, sendError } from './platform/http-errors.ts';
import { loggerOptions } from './platform/logger.ts';
import { createMetrics, installMetrics } from './platform/metrics.ts';
import { enforceRoutePolicies, type RouteRecord } from './platform/policy.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { metaRoutes } from './modules/meta/routes.ts';
import { organisationRoutes } from './modules/organisation/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { installAccessGuard } from './access/guard.ts';
import { installCompartment } from './access/compartment.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { casePeopleRoutes } from './modules/cases/routes-people.ts';
import { personRoutes } from './modules/persons/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { inquiryRoutes } from './modules/inquiries/routes.ts';
import { forumRoutes } from './modules/forums/routes.ts';
import { meetingRoutes } from './modules/meetings/routes.ts';
import { interventionRoutes } from './modules/interventions/routes.ts';
import { assessmentRoutes } from './modules/assessments/routes.ts';
import { networkMapRoutes } from './modules/network-maps/routes.ts';
import { implementationRoutes } from './modules/implementation/routes.ts';
import { areaWorkRoutes } from './modules/area-work/routes.ts';
import { areaRoundRoutes } from './modules/area-rounds/routes.ts';
import { housingAreaRoutes } from './modules/housing-areas/routes.ts';
import { areaPlanRoutes } from './modules/area-plans/routes.ts';
import { guidanceRoutes } from './modules/guidance/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { caseInterventionRoutes } from './modules/case-interventions/routes.ts';
import { followUpRoutes } from './modules/follow-ups/routes.ts';
import { closureRoutes } from './modules/closure/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { filingRoutes } from './modules/filing/routes.ts';
import { sharingRoutes } from './modules/sharing/routes.ts';
import { disclosureRoutes } from './modules/disclosures/routes.ts';
import { noticeRoutes } from './modules/notice/routes.ts';
import { citizenMeetingRoutes } from './modules/citizen-meetings/routes.ts';
import { accessRequestRoutes } from './modules/access-requests/routes.ts';
import { partnerAccessRoutes } from './modules/partners/routes.ts';
import { transferRoutes } from './modules/transfers/routes.ts';
import { processingRecordRoutes } from './modules/processing-record/routes.ts';
import { retentionRoutes } from './modules/retention/routes.ts';
import { agendaRoutes } from './modules/meetings/agenda-routes.ts';
import { minutesRoutes } from './modules/meetings/minutes-routes.ts';
import { mapTileRoutes } from './modules/map-tiles/routes.ts';
import { tileOrigin } from './platform/config-map.ts';
import { validatorCompiler } from './platform/validation.ts';
import { VERSION } from './version.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Every registered route with its policy; used by tests and the OpenAPI check. */
    routeRecords: RouteRecord[];
  }
}

export type AppConfig = Pick<
  Config,
  'env' | 'demo' | 'bodyLimitBytes' | 'logLevel' | 'webDir' | 'session' | 'trustProxy'
> &
  Partial<Pick<Config, 'mapTiles'>>;

/** Keys kept outside the database: the audit chain's HMAC key and the field-encryption key. */
export interface AppKeys {
  audit: Buffer;
  secret: Buffer;
}

/**
 * Builds the HTTP app: plugins, error handling, then one plugin per module. A request flows
 * route → policy → Zod validation → service/queries → presenter (the response schema strips
 * anything not declared).
 */
export interface BuildOptions {
  keys: AppKeys;
  /** Where logs go (default stdout); tests capture them to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
  /** Where archival exports are written (docs/RETENTION.md); default a folder in the temp dir. */
  archiveDir?: string;
}

export async function buildApp(
  config: AppConfig,
  database: Database,
  options: BuildOptions,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      ...loggerOptions(config.logLevel),
      ...(options.logStream && { stream: options.logStream }),
      serializers: {
        ...loggerOptions(config.logLevel).serializers,
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          // Path only: query strings are never logged.
          path: req.url.split('?')[0],
        }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Request bodies are JSON and nothing else: Fastify's default text/plain parser would hand a
  // route a string (a 400 at best, a body the route never expected at worst); without it any
  // other type is 415 unsupported_media_type. A route that must take another type (a SAML POST
  // binding, say) registers its parser inside its own plugin.
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('routeRecords', [] as RouteRecord[]);
  enforceRoutePolicies(app, app.routeRecords);
  installErrorHandler(app, config.bodyLimitBytes);
  installAccessGuard(app, config.session);
  installCompartment(app);

  const production = config.env === 'production';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The housing-area map's tile server, only when one is configured (config-map.ts).
        imgSrc: [
          "'self'",
          'data:',
          ...[tileOrigin(config.mapTiles)].filter((o) => o !== undefined),
        ],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production && { upgradeInsecureRequests: [] }),
      },
    },
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers may hold personal data: never cached unless a route says otherwise.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  const metrics = createMetrics();
  installMetrics(app, metrics);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tovholder API',
        version: VERSION,
        description:
          'Case handling for municipal prevention work. Every route declares its access policy.',
      },
    },
    // Each operation carries its access policy (x-policy), so tests and reviewers can see it.
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      return {
        ...output,
        schema: {
          ...output.schema,
          'x-policy': input.route.config?.policy ?? 'none',
          ...(input.route.config?.record && { 'x-record': input.route.config.record }),
        },
      };
    },
  });

  app.get(
    '/api/openapi.json',
    {
      config: { policy: 'public' },
      schema: { tags: ['meta'], summary: 'This OpenAPI 3 document' },
    },
    async () => app.swagger(),
  );

  await app.register(healthRoutes(metrics));
  await app.register(metaRoutes({ version: VERSION, demo: config.demo }));
  await app.register(organisationRoutes);
  await app.register(authRoutes({ settings: config.session, keys: options.keys }));
  await app.register(adminRoutes({ keys: options.keys }));
  await app.register(caseRoutes({ keys: options.keys }));
  await app.register(casePeopleRoutes({ keys: options.keys }));
  await app.register(personRoutes({ keys: options.keys }));
  await app.register(notificationRoutes({ keys: options.keys }));
  await app.register(inquiryRoutes({ keys: options.keys }));
  await app.register(forumRoutes({ keys: options.keys }));
  await app.register(meetingRoutes({ keys: options.keys }));
  await app.register(interventionRoutes({ keys: options.keys }));
  await app.register(assessmentRoutes({ keys: options.keys }));
  await app.register(networkMapRoutes({ keys: options.keys }));
  await app.register(implementationRoutes({ keys: options.keys }));
  await app.register(areaWorkRoutes({ keys: options.keys }));
  await app.register(areaRoundRoutes({ keys: options.keys }));
  await app.register(housingAreaRoutes({ keys: options.keys }));
  await app.register(areaPlanRoutes({ keys: options.keys }));
  await app.register(guidanceRoutes({ keys: options.keys }));
  await app.register(planRoutes({ keys: options.keys }));
  await app.register(caseInterventionRoutes({ keys: options.keys }));
  await app.register(followUpRoutes({ keys: options.keys }));
  await app.register(closureRoutes({ keys: options.keys }));
  await app.register(taskRoutes({ keys: options.keys }));
  await app.register(filingRoutes({ keys: options.keys }));
  await app.register(sharingRoutes({ keys: options.keys }));
  await app.register(disclosureRoutes({ keys: options.keys }));
  await app.register(noticeRoutes({ keys: options.keys }));
  await app.register(citizenMeetingRoutes({ keys: options.keys }));
  await app.register(accessRequestRoutes({ keys: options.keys }));
  await app.register(partnerAccessRoutes({ keys: options.keys }));
  await app.register(transferRoutes({ keys: options.keys }));
  await app.register(minutesRoutes({ keys: options.keys }));
  await app.register(processingRecordRoutes({ keys: options.keys, session: config.session }));
  await app.register(agendaRoutes({ keys: options.keys }));
  await app.register(
    retentionRoutes({
      keys: options.keys,
      archiveDir: options.archiveDir ?? join(tmpdir(), 'tovholder-archive'),
    }),
  );
  await app.register(mapTileRoutes({ tiles: config.mapTiles ?? { crs: 'EPSG:3857' } }));
  await registerWebApp(app, config.webDir);
  return app;
}

/** Serves the built React app; any other GET outside /api gets index.html (client routing). */
async function registerWebApp(app: FastifyInstance, webDir: string) {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webDir, serve: false, cacheControl: false });
  app.get(
    '/*',
    { config: { policy: 'public' }, schema: { hide: true }, logLevel: 'warn' },
    async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) {
        return sendError(request, reply, 'not_found', 404);
      }
      if (!built) return sendError(request, reply, 'unavailable', 503);
      if (path.startsWith('/assets/')) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(safeDecode(path.slice(1)));
      }
      // A path with a file extension is a file; anything else is a page of the web app.
      if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(safeDecode(path.slice(1)));
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    },
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
