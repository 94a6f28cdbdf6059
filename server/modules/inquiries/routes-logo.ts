import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/context.ts';
import type { RouteKit } from '../../platform/route-kit.ts';
import { changeLogo, ownLogo } from './logo.ts';
import { LogoSchema, UpdateLogoBody } from './schema-logo.ts';

type ContextOf = (request: FastifyRequest) => RequestContext;

/** The municipality's logo for its documents, beside its other settings (logo.ts). */
export function logoRoutes(route: RouteKit, contextOf: ContextOf) {
  route.get(
    '/api/municipality-settings/logo',
    {
      policy: 'settings.read',
      summary: "The caller's municipality's logo for the letterhead of its documents",
      response: { 200: LogoSchema },
    },
    async (request) => ownLogo(contextOf(request)),
  );

  route.put(
    '/api/municipality-settings/logo',
    {
      policy: 'settings.edit',
      summary:
        'Set the logo (PNG or JPEG, at most 200 kB, base64) or remove it (image null); optimistic locking, version 0 before the first',
      body: UpdateLogoBody,
      response: { 200: LogoSchema },
    },
    async (request) => changeLogo(contextOf(request), request.body),
  );
}
