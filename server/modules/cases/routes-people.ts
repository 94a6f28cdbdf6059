import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { caseWorkRoutes } from './case-routes.ts';
import { addCasePerson, changeCustody, listMemberCandidates, removeCasePerson } from './people.ts';
import { CaseIdParams } from './schema.ts';
import {
  AddCasePersonBody,
  CasePersonChangeSchema,
  CasePersonParams,
  CustodyBody,
  MemberCandidateListSchema,
  MemberCandidateQuery,
  RemoveCasePersonBody,
} from './schema-people.ts';

/**
 * The persons and members of a case as its coordinators change them on the case page: add a
 * person with a role, take one out with a reason, and the colleagues who may become members
 * (members themselves are added and removed by routes.ts).
 */
export const casePeopleRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['cases']);

    cases.post(
      '/api/cases/:id/persons',
      {
        policy: 'records.read',
        summary:
          "Add a person to an open case with a role: an existing registration the caller may see, or a new person (the case's coordinators only)",
        params: CaseIdParams,
        body: AddCasePersonBody,
        response: { 201: CasePersonChangeSchema },
      },
      async (access, ctx, request, reply) =>
        reply.code(201).send(await addCasePerson(ctx, access, request.body)),
    );

    cases.post(
      '/api/cases/:id/persons/:personId/removal',
      {
        policy: 'records.read',
        summary:
          "Take a person out of an open case, with a reason; never the citizen the case is about (the case's coordinators only)",
        params: CasePersonParams,
        body: RemoveCasePersonBody,
        response: { 200: CasePersonChangeSchema },
      },
      async (access, ctx, request) =>
        removeCasePerson(ctx, access, request.params.personId, request.body),
    );

    cases.post(
      '/api/cases/:id/persons/:personId/custody',
      {
        policy: 'records.read',
        summary:
          "Mark a parent of an open case as holding custody (forældremyndighed) of the child, or not (the case's coordinators only)",
        params: CasePersonParams,
        body: CustodyBody,
        response: { 200: CasePersonChangeSchema },
      },
      async (access, ctx, request) =>
        changeCustody(ctx, access, request.params.personId, request.body),
    );

    cases.get(
      '/api/cases/:id/member-candidates',
      {
        policy: 'records.read',
        summary:
          "Colleagues who may be added as members: active users of the municipality or its police district, not yet members, with their units (the case's coordinators only)",
        params: CaseIdParams,
        querystring: MemberCandidateQuery,
        response: { 200: MemberCandidateListSchema },
      },
      async (access, ctx, request) => listMemberCandidates(ctx, access, request.query.q),
    );
  };
