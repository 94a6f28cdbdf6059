import type { FastifyInstance } from 'fastify';

/**
 * Deny by default: every route must name its access policy in `config.policy`. A route without
 * one makes the app refuse to start. `public` is for facts that contain no personal data (health,
 * reference data, the OpenAPI document, the web app's files); the others are defined and decided
 * in server/access/policies.ts.
 */
export type { PolicyName } from '../access/policies.ts';
import type { PolicyName } from '../access/policies.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: PolicyName;
  }
}

export interface RouteRecord {
  method: string;
  url: string;
  policy: PolicyName;
}

export function enforceRoutePolicies(app: FastifyInstance, routes: RouteRecord[]) {
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!policy) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access policy`);
    }
    for (const method of methods) routes.push({ method, url: route.url, policy });
  });
}
