import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, loginContextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { activatePartnerAccount } from './activation.ts';
import { changeAccess, endAccess } from './changes.ts';
import { inviteOptions } from './options.ts';
import { invitePartner, listAccesses } from './invitations.ts';
import { addContribution, getPartnerCase, listPartnerCases } from './partner-view.ts';
import {
  ActivateBody,
  ChangePartnerAccessBody,
  ContributionBody,
  EndPartnerAccessBody,
  InvitePartnerBody,
  PartnerAccessListSchema,
  PartnerAccessParams,
  PartnerAccessSchema,
  PartnerCaseListSchema,
  PartnerCaseParams,
  PartnerCaseSchema,
  PartnerInviteOptionsSchema,
} from './schema.ts';

/**
 * Partners invited into one case (issue 13 parts 1 and 11; docs/SHARING.md). The case team's
 * routes sit under the case (non-members get 404 first, caseWorkRoutes; the `partners` part of
 * case-abilities.ts decides reading and writing). The partner's own routes answer only the
 * cases the partner is invited to today (404 otherwise). A new partner sets their password from
 * the invitation e-mail (public, by the one-time token).
 */
export const partnerAccessRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['partners']);
    const route = routeKit(app, ['partners']);
    const contextOf = contextFor(app, options.keys);
    const loginContextOf = loginContextFor(app, options.keys);

    cases.get(
      '/api/cases/:id/partner-access',
      {
        policy: 'records.read',
        summary: "The case's partner invitations: who, which parts, on which basis, until when",
        params: CaseIdParams,
        response: { 200: PartnerAccessListSchema },
      },
      async (access, ctx) => ({ items: await listAccesses(ctx, access) }),
    );

    cases.get(
      '/api/cases/:id/partner-access/options',
      {
        policy: 'records.read',
        summary:
          "What an invitation may choose from: the municipality's partner users, the current plan's goals, the case's interventions and consents",
        params: CaseIdParams,
        response: { 200: PartnerInviteOptionsSchema },
      },
      (access, ctx) => inviteOptions(ctx, access),
    );

    cases.post(
      '/api/cases/:id/partner-access',
      {
        policy: 'records.read',
        summary:
          'Invite a person of a partner organisation into the case (parts, basis, purpose, end date); the same id again answers the invitation made (200)',
        params: CaseIdParams,
        body: InvitePartnerBody,
        response: { 200: PartnerAccessSchema, 201: PartnerAccessSchema },
      },
      async (access, ctx, request, reply) => {
        const result = await invitePartner(ctx, access, request.body);
        return reply.code(result.created ? 201 : 200).send(result.access);
      },
    );

    cases.put(
      '/api/cases/:id/partner-access/:accessId',
      {
        policy: 'records.read',
        summary: "Change a partner's parts and end date, with the version read and a reason",
        params: PartnerAccessParams,
        body: ChangePartnerAccessBody,
        response: { 200: PartnerAccessSchema },
      },
      (access, ctx, request) => changeAccess(ctx, access, request.params.accessId, request.body),
    );

    cases.post(
      '/api/cases/:id/partner-access/:accessId/end',
      {
        policy: 'records.read',
        summary: "End a partner's access today, with the version read and a reason",
        params: PartnerAccessParams,
        body: EndPartnerAccessBody,
        response: { 200: PartnerAccessSchema },
      },
      (access, ctx, request) => endAccess(ctx, access, request.params.accessId, request.body),
    );

    route.get(
      '/api/partner/cases',
      {
        policy: 'partner.cases',
        summary: "A partner's cases: those they are invited to today, with the end date",
        response: { 200: PartnerCaseListSchema },
      },
      (request) => listPartnerCases(contextOf(request)),
    );

    route.get(
      '/api/partner/cases/:caseId',
      {
        policy: 'partner.cases',
        summary:
          'One case as the invited partner may see it: the granted parts only, with the basis',
        params: PartnerCaseParams,
        response: { 200: PartnerCaseSchema },
      },
      (request) => getPartnerCase(contextOf(request), request.params.caseId),
    );

    route.post(
      '/api/partner/cases/:caseId/contributions',
      {
        policy: 'partner.cases',
        summary: "A partner's contribution to the case: a note for the case team, marked as theirs",
        params: PartnerCaseParams,
        body: ContributionBody,
        response: { 201: z.object({ id: z.string() }) },
      },
      async (request, reply) => {
        const result = await addContribution(
          contextOf(request),
          request.params.caseId,
          request.body.text,
        );
        return reply.code(201).send(result);
      },
    );

    route.post(
      '/api/partner-activation',
      {
        policy: 'public',
        summary: "A new partner sets their password with the invitation e-mail's one-time token",
        body: ActivateBody,
        response: { 200: z.object({ username: z.string() }) },
      },
      (request) => activatePartnerAccount(loginContextOf(request), request.body),
    );
  };
