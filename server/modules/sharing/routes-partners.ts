import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/context.ts';
import type { RouteKit } from '../../platform/route-kit.ts';
import {
  createPartner,
  getPartner,
  listPartners,
  setPartnerActive,
  updatePartner,
} from './partners.ts';
import {
  CreatePartnerBody,
  PartnerIdParams,
  PartnerListQuery,
  PartnerListSchema,
  PartnerOrganisationSchema,
  PartnerVersionBody,
  UpdatePartnerBody,
} from './schema-partners.ts';

type ContextOf = (request: FastifyRequest) => RequestContext;

/**
 * The partner organisations of the caller's municipality: read by those who choose one (the
 * later invitation and disclosure forms) and kept by the municipal administrator.
 */
export function partnerRoutes(route: RouteKit, contextOf: ContextOf) {
  route.get(
    '/api/partner-organisations',
    {
      policy: 'partners.read',
      summary: 'The partner organisations, filtered by kind, status and part of the name',
      querystring: PartnerListQuery,
      response: { 200: PartnerListSchema },
    },
    async (request) => ({ items: await listPartners(contextOf(request), request.query) }),
  );

  route.get(
    '/api/partner-organisations/:id',
    {
      policy: 'partners.read',
      summary: 'One partner organisation',
      params: PartnerIdParams,
      response: { 200: PartnerOrganisationSchema },
    },
    async (request) => getPartner(contextOf(request), request.params.id),
  );

  route.post(
    '/api/partner-organisations',
    {
      policy: 'partners.manage',
      summary:
        'Create a partner organisation (idempotent on the client id; a data processor needs its processor agreement)',
      body: CreatePartnerBody,
      response: { 200: PartnerOrganisationSchema, 201: PartnerOrganisationSchema },
    },
    async (request, reply) => {
      const { partner, created } = await createPartner(contextOf(request), request.body);
      return reply.code(created ? 201 : 200).send(partner);
    },
  );

  route.put(
    '/api/partner-organisations/:id',
    {
      policy: 'partners.manage',
      summary: 'Change a partner organisation (optimistic locking by version)',
      params: PartnerIdParams,
      body: UpdatePartnerBody,
      response: { 200: PartnerOrganisationSchema },
    },
    async (request) => updatePartner(contextOf(request), request.params.id, request.body),
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    route.post(
      `/api/partner-organisations/:id/${path}`,
      {
        policy: 'partners.manage',
        summary: active
          ? 'Activate a deactivated partner organisation again'
          : 'Deactivate a partner organisation: it is offered nowhere any more',
        params: PartnerIdParams,
        body: PartnerVersionBody,
        response: { 200: PartnerOrganisationSchema },
      },
      async (request) =>
        setPartnerActive(contextOf(request), request.params.id, request.body.version, active),
    );
  }
}
