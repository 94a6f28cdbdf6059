import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { listCaseDisclosures } from './listing.ts';
import { caseReadLog } from './read-log.ts';
import { recordByHand } from './recording.ts';
import { searchRegister } from './register.ts';
import { CitizenTrailBody, CitizenTrailSchema } from './schema-trail.ts';
import { citizenTrail } from './trail.ts';
import {
  DisclosureListQuery,
  DisclosureListSchema,
  DisclosureSchema,
  ReadLogQuery,
  ReadLogSchema,
  RecordDisclosureBody,
  RegisterPageSchema,
  RegisterSearchBody,
} from './schema.ts';

/**
 * The disclosure register (issue 13 part 2) and the case's read log (part 9): a case's
 * disclosures and the form for one made outside the product, the data-protection role's search
 * of the municipality's register, and who has read a case. Case routes answer 404 to
 * non-members before anything else; every read and change is audited in its transaction.
 */
export const disclosureRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['disclosures']);
    const route = routeKit(app, ['disclosures']);
    const ctx = contextFor(app, options.keys);

    cases.get(
      '/api/cases/:id/disclosures',
      {
        policy: 'records.read',
        summary: "The case's disclosures (information that left the team), newest first",
        params: CaseIdParams,
        querystring: DisclosureListQuery,
        response: { 200: DisclosureListSchema },
      },
      (access, ctx, request) => listCaseDisclosures(ctx, access, request.query),
    );

    cases.post(
      '/api/cases/:id/disclosures',
      {
        policy: 'records.read',
        summary:
          'Record a disclosure made outside the product (phone, letter, meeting, e-mail); the same id again answers the entry already there (200)',
        params: CaseIdParams,
        body: RecordDisclosureBody,
        response: { 200: DisclosureSchema, 201: DisclosureSchema },
      },
      async (access, ctx, request, reply) => {
        const { disclosure, created } = await recordByHand(ctx, access, request.body);
        return reply.code(created ? 201 : 200).send(disclosure);
      },
    );

    route.get(
      '/api/cases/:id/read-log',
      {
        policy: 'records.readLog',
        record: 'case',
        summary:
          "Who has read the case (role, unit, when, purpose): the case's coordinators and the data-protection role",
        params: CaseIdParams,
        querystring: ReadLogQuery,
        response: { 200: ReadLogSchema },
      },
      async (request) => caseReadLog(ctx(request), request.params.id, request.query),
    );

    route.post(
      '/api/disclosures/search',
      {
        policy: 'disclosures.register',
        summary:
          "Search the municipality's disclosure register by citizen (CPR number in the body, or a person's id), recipient, legal basis and period",
        body: RegisterSearchBody,
        response: { 200: RegisterPageSchema },
      },
      async (request) => searchRegister(ctx(request), request.body),
    );

    route.post(
      '/api/disclosures/citizen-trail',
      {
        policy: 'disclosures.register',
        summary:
          "Who has seen and received a citizen's data: the citizen's reads and disclosures in one time order (CPR number in the body, or a person's id), by period and kind",
        body: CitizenTrailBody,
        response: { 200: CitizenTrailSchema },
      },
      async (request) => citizenTrail(ctx(request), request.body),
    );
  };
