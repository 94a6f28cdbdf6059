import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { findPossibleDuplicates } from './duplicates.ts';
import * as edit from './edit.ts';
import { mergePersons } from './merge.ts';
import { accessReport, readPerson } from './read.ts';
import { searchPersons } from './search.ts';
import {
  AccessReportQuery,
  AccessReportSchema,
  CprSchema,
  DuplicatesBody,
  DuplicatesSchema,
  MergeBody,
  MergeResultSchema,
  PersonIdParams,
  PersonSchema,
  PersonSearchBody,
  PersonSearchSchema,
  PersonVersionSchema,
  RelationBody,
  RelationParams,
  UpdatePersonBody,
} from './schema.ts';

/**
 * Persons as records: read and change (need-to-know through a case or an inquiry), relations,
 * the audited unmasking of the CPR number, possible duplicates while registering, merging two
 * registrations, and the citizen's access report. Persons are created by the inquiry intake.
 */
export const personRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['persons']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/persons/:id',
      {
        policy: 'records.read',
        record: 'person',
        summary: 'One person, for members of a case the person is part of (404 for others)',
        params: PersonIdParams,
        response: { 200: PersonSchema },
      },
      async (request) => readPerson(ctx(request), request.params.id),
    );

    route.patch(
      '/api/persons/:id',
      {
        policy: 'records.read',
        record: 'person',
        summary:
          'Change the details of a person one may see (version for optimistic locking; a CPR number is validated)',
        params: PersonIdParams,
        body: UpdatePersonBody,
        response: { 200: PersonVersionSchema },
      },
      async (request) => edit.updatePerson(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/persons/possible-duplicates',
      {
        policy: 'inquiries.create',
        summary:
          'Possible duplicates while registering: same CPR number, or same birth date and a similar name (POST: a CPR number never goes in a URL)',
        body: DuplicatesBody,
        response: { 200: DuplicatesSchema },
      },
      async (request) => findPossibleDuplicates(ctx(request), request.body),
    );

    route.post(
      '/api/persons/search',
      {
        policy: 'records.read',
        summary:
          'Find persons the caller may see by name, CPR number (exact) or birth date, with the cases and open inquiries they are seen through (POST: no name or CPR number in a URL; audited per person shown)',
        body: PersonSearchBody,
        response: { 200: PersonSearchSchema },
      },
      async (request) => searchPersons(ctx(request), request.body),
    );

    route.post(
      '/api/persons/:id/cpr',
      {
        policy: 'records.read',
        record: 'person',
        summary:
          "The person's full CPR number, for those who may see the person (audited; null when none)",
        params: PersonIdParams,
        response: { 200: CprSchema },
      },
      async (request) => edit.unmaskCpr(ctx(request), request.params.id),
    );

    route.post(
      '/api/persons/:id/merge',
      {
        policy: 'persons.merge',
        record: 'person',
        summary:
          'Merge this registration into another of the same person (links move, blanks are filled, audited)',
        params: PersonIdParams,
        body: MergeBody,
        response: { 200: MergeResultSchema },
      },
      async (request) => mergePersons(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/persons/:id/relations',
      {
        policy: 'records.read',
        record: 'person',
        summary: 'Record how another person (also visible to the caller) is related to this one',
        params: PersonIdParams,
        body: RelationBody,
        response: { 204: z.null() },
      },
      async (request, reply) => {
        await edit.addRelation(ctx(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );

    route.delete(
      '/api/persons/:id/relations/:relatedPersonId',
      {
        policy: 'records.read',
        record: 'person',
        summary: 'Remove the relation between two persons (both directions)',
        params: RelationParams,
        response: { 204: z.null() },
      },
      async (request, reply) => {
        await edit.removeRelation(ctx(request), request.params.id, request.params.relatedPersonId);
        return reply.code(204).send(null);
      },
    );

    route.get(
      '/api/persons/:id/access-report',
      {
        policy: 'records.accessReport',
        record: 'person',
        summary:
          "Every access to the person's data: when, what, purpose and unit (employee names for the data-protection role only)",
        params: PersonIdParams,
        querystring: AccessReportQuery,
        response: { 200: AccessReportSchema },
      },
      async (request) => accessReport(ctx(request), request.params.id, request.query),
    );
  };
