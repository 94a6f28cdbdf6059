import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import {
  AddForumMemberBody,
  CandidateListSchema,
  CandidateQuery,
  CreateForumBody,
  ForumDetailSchema,
  ForumIdParams,
  ForumListQuery,
  ForumListSchema,
  ForumMemberParams,
  UpdateForumBody,
} from './schema.ts';
import * as service from './service.ts';

/**
 * Forums (samarbejdsfora) and their members. The list is for everyone who works with inquiries
 * (`inquiries.read`), so they can pick the forum that handles one; one forum with its members
 * is for those who manage it and its members (404 otherwise); changes need `forums.manage` and
 * a forum of the caller's own municipality (404 otherwise).
 */
export const forumRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['forums']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/forums',
      {
        policy: 'forums.read',
        summary:
          "The forums of the caller's municipality (police staff: of their district) with member counts; archived ones when asked for",
        querystring: ForumListQuery,
        response: { 200: ForumListSchema },
      },
      async (request) => ({
        items: await service.listForums(ctx(request), request.query.archived === 'include'),
      }),
    );

    route.get(
      '/api/forums/:id',
      {
        policy: 'session',
        summary: 'One forum with its members (for those who manage it and its members; 404 else)',
        params: ForumIdParams,
        response: { 200: ForumDetailSchema },
      },
      async (request) => service.getForum(ctx(request), request.params.id),
    );

    route.post(
      '/api/forums',
      {
        policy: 'forums.manage',
        summary: "Create a forum in the caller's municipality (a taken name answers 409)",
        body: CreateForumBody,
        response: { 201: ForumDetailSchema },
      },
      async (request, reply) => {
        const forum = await service.createForum(ctx(request), request.body);
        return reply.status(201).send(forum);
      },
    );

    route.patch(
      '/api/forums/:id',
      {
        policy: 'forums.manage',
        summary:
          'Change a forum: name, kind, cadence, archived (never deleted); optimistic locking by version',
        params: ForumIdParams,
        body: UpdateForumBody,
        response: { 200: ForumDetailSchema },
      },
      async (request) => service.updateForum(ctx(request), request.params.id, request.body),
    );

    route.get(
      '/api/forums/:id/candidates',
      {
        policy: 'forums.manage',
        summary: 'Users who may be added to the forum (active, fitting role, not yet members)',
        params: ForumIdParams,
        querystring: CandidateQuery,
        response: { 200: CandidateListSchema },
      },
      async (request) => ({
        items: await service.candidates(ctx(request), request.params.id, request.query.q),
      }),
    );

    route.post(
      '/api/forums/:id/members',
      {
        policy: 'forums.manage',
        summary: 'Add a member (active, of the municipality or its police district, fitting role)',
        params: ForumIdParams,
        body: AddForumMemberBody,
        response: { 200: ForumDetailSchema },
      },
      async (request) => service.addMember(ctx(request), request.params.id, request.body.userId),
    );

    route.delete(
      '/api/forums/:id/members/:userId',
      {
        policy: 'forums.manage',
        summary: 'Remove a member from the forum',
        params: ForumMemberParams,
        response: { 200: ForumDetailSchema },
      },
      async (request) =>
        service.removeMember(ctx(request), request.params.id, request.params.userId),
    );
  };
