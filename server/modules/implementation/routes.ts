import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { itemHistory, readChecklist, responsibleCandidates, updateItem } from './checklist.ts';
import { implementationAbilities } from './present.ts';
import { readProfile, saveProfile } from './profile.ts';
import { createReview } from './reviews.ts';
import {
  ChecklistSchema,
  CreateReviewBody,
  ItemHistorySchema,
  ItemParams,
  ItemResponseSchema,
  ProfileSchema,
  ResponsibleCandidatesSchema,
  ReviewResponseSchema,
  SaveProfileBody,
  UpdateItemBody,
} from './schema.ts';

/**
 * The implementation follow-up tool and the self-profile (issue 16 part 6;
 * docs/housing-areas/implementation.md): the municipality's checklist, its items' history, the
 * reviews of the checklist and the versioned self-profile. Reading: coordinators, municipal
 * administrators and leaders (`implementation.read`); changing: coordinators
 * (`implementation.edit`). Everything is the caller's own municipality's.
 */
export const implementationRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['implementation']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/implementation',
      {
        policy: 'implementation.read',
        summary:
          "The municipality's implementation checklist grouped by the model's parts, with the reviews and the next review's date",
        response: { 200: ChecklistSchema },
      },
      async (request) => readChecklist(ctx(request)),
    );

    route.put(
      '/api/implementation/items/:key',
      {
        policy: 'implementation.edit',
        summary:
          'Change an item: status (a reason when not relevant), responsible, evidence and next review (optimistic locking; version 0 for an item never changed)',
        params: ItemParams,
        body: UpdateItemBody,
        response: { 200: ItemResponseSchema },
      },
      async (request) => {
        const context = ctx(request);
        return {
          item: await updateItem(context, request.params.key, request.body),
          abilities: implementationAbilities(context.user),
        };
      },
    );

    route.get(
      '/api/implementation/items/:key/history',
      {
        policy: 'implementation.read',
        summary: "An item's changes, newest first: who, when, old and new values",
        params: ItemParams,
        response: { 200: ItemHistorySchema },
      },
      async (request) => ({
        key: request.params.key,
        items: await itemHistory(ctx(request), request.params.key),
      }),
    );

    route.get(
      '/api/implementation/responsible-candidates',
      {
        policy: 'implementation.edit',
        summary: 'Staff of the municipality who may be named responsible for an item',
        response: { 200: ResponsibleCandidatesSchema },
      },
      async (request) => ({ items: await responsibleCandidates(ctx(request)) }),
    );

    route.post(
      '/api/implementation/reviews',
      {
        policy: 'implementation.edit',
        summary:
          "Record a review of the checklist with the client's id (201) and set the next review's date; the same id again answers that review (200)",
        body: CreateReviewBody,
        response: { 200: ReviewResponseSchema, 201: ReviewResponseSchema },
      },
      async (request, reply) => {
        const { created, review } = await createReview(ctx(request), request.body);
        return reply.code(created ? 201 : 200).send({ review });
      },
    );

    route.get(
      '/api/implementation/profile',
      {
        policy: 'implementation.read',
        summary:
          "The municipality's self-profile: every version, newest first, with what changed, and the organisation model",
        response: { 200: ProfileSchema },
      },
      async (request) => readProfile(ctx(request)),
    );

    route.post(
      '/api/implementation/profile',
      {
        policy: 'implementation.edit',
        summary:
          'Save a new version of the self-profile on top of the latest (basedOn: its number; stale answers 409)',
        body: SaveProfileBody,
        response: { 201: ProfileSchema },
      },
      async (request, reply) => reply.code(201).send(await saveProfile(ctx(request), request.body)),
    );
  };
