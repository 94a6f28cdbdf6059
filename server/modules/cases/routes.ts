import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { AuditEvent } from '../../platform/audit/write.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { grantCaseAccess, type CaseAccess } from '../../access/records.ts';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { caseWorkRoutes } from './case-routes.ts';
import * as chronology from './chronology.ts';
import { setStatus } from './status.ts';
import { caseOverview } from './overview.ts';
import { filterableCoordinators } from './overview-coordinators.ts';
import { CoordinatorListSchema } from './overview-schema.ts';
import { updateClassification } from './classification.ts';
import * as queries from './queries.ts';
import {
  AddMemberBody,
  BreakGlassBody,
  BreakGlassResponse,
  CaseDetailSchema,
  CaseIdParams,
  CaseListQuery,
  CaseListSchema,
  CaseSearchBody,
  ChronologyQuery,
  ClassificationBody,
  ClassificationResponse,
  ChronologySchema,
  MemberParams,
  NoteBody,
  NoteResponse,
  StatusBody,
  StatusResponse,
} from './schema.ts';
import * as service from './service.ts';

/** The audit entries of a read of the case (one per person of the case, or per person given). */
function auditRead(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  details: AuditEvent['details'],
  persons?: string[],
) {
  return chronology.auditCasePersons(
    trx,
    ctx,
    access,
    { action: 'read', purpose: chronology.readPurpose(access), details },
    persons,
  );
}

/**
 * Cases as records: list, read, membership and break-the-glass. Every read of personal data
 * writes its audit entries in the same transaction as the read itself. The rest of case work
 * (assessment, plan, interventions) arrives with its own issue.
 */
export const caseRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    const route = routeKit(app, tags);
    const cases = caseWorkRoutes(app, options.keys, tags);
    const contextOf = contextFor(app, options.keys);

    route.get(
      '/api/cases',
      {
        policy: 'records.read',
        summary:
          'The case overview: every case the caller may see (member or break-the-glass grant), filtered, sorted and paged',
        querystring: CaseListQuery,
        response: { 200: CaseListSchema },
      },
      async (request) => caseOverview(contextOf(request), request.query),
    );

    route.post(
      '/api/cases/search',
      {
        policy: 'records.read',
        summary:
          'The case overview searched by reference, name or CPR number (exact), with the same filters (POST: a name or CPR number never goes in a URL)',
        body: CaseSearchBody,
        response: { 200: CaseListSchema },
      },
      async (request) => {
        const { text, ...filter } = request.body;
        return caseOverview(contextOf(request), filter, { text });
      },
    );

    route.get(
      '/api/cases/coordinators',
      {
        policy: 'cases.coordinators',
        summary:
          'The coordinators the caller may filter the overview by (those of the cases the caller may see): ids and names only',
        response: { 200: CoordinatorListSchema },
      },
      async (request) => filterableCoordinators(contextOf(request)),
    );

    cases.get(
      '/api/cases/:id',
      {
        policy: 'records.read',
        summary: 'One case as the caller may see it (404 for non-members)',
        params: CaseIdParams,
        response: { 200: CaseDetailSchema },
      },
      async (access, ctx, request) =>
        ctx.db.transaction().execute(async (trx) => {
          const detail = await queries.loadCase(trx, access);
          if (!detail) throw new AppError('not_found');
          const persons = detail.persons.map((p) => p.id);
          await auditRead(trx, ctx, access, { compartment: access.compartment }, persons);
          grantCaseAccess(request, access);
          return detail;
        }),
    );

    cases.post(
      '/api/cases/:id/members',
      {
        policy: 'records.read',
        summary: "Add a member to the case (the case's coordinators only)",
        params: CaseIdParams,
        body: AddMemberBody,
        response: { 204: z.null() },
      },
      async (access, ctx, request, reply) => {
        await service.addMember(ctx, access, request.body);
        return reply.code(204).send(null);
      },
    );

    cases.delete(
      '/api/cases/:id/members/:userId',
      {
        policy: 'records.read',
        summary: "Remove a member from the case (the case's coordinators only)",
        params: MemberParams,
        response: { 204: z.null() },
      },
      async (access, ctx, request, reply) => {
        await service.removeMember(ctx, access, request.params.userId);
        return reply.code(204).send(null);
      },
    );

    cases.get(
      '/api/cases/:id/chronology',
      {
        policy: 'records.read',
        summary:
          "The case's chronology, newest first, filterable by kind and author (members with the whole case)",
        params: CaseIdParams,
        querystring: ChronologyQuery,
        response: { 200: ChronologySchema },
      },
      async (access, ctx, request) => {
        requireCaseAbility(access, 'notes', 'read');
        return ctx.db.transaction().execute(async (trx) => {
          const page = await chronology.loadChronology(trx, access, request.query);
          await auditRead(trx, ctx, access, { chronology: true, compartment: access.compartment });
          grantCaseAccess(request, access);
          return page;
        });
      },
    );

    cases.post(
      '/api/cases/:id/notes',
      {
        policy: 'records.read',
        summary:
          'Add a note to the chronology (members with the whole case; a compartment note needs the compartment)',
        params: CaseIdParams,
        body: NoteBody,
        response: { 201: NoteResponse },
      },
      async (access, ctx, request, reply) => {
        const id = await chronology.addNote(ctx, access, request.body);
        return reply.code(201).send({ id });
      },
    );

    cases.post(
      '/api/cases/:id/status',
      {
        policy: 'records.read',
        summary:
          "Set the case on hold (reason, optional date) or resume it (reason, and resume or leave each waiting intervention; the case's coordinators only)",
        params: CaseIdParams,
        body: StatusBody,
        response: { 200: StatusResponse },
      },
      async (access, ctx, request) => ({
        version: await setStatus(ctx, access, request.body),
      }),
    );

    cases.patch(
      '/api/cases/:id/classification',
      {
        policy: 'records.read',
        summary:
          "Edit the case's classification, with history in the chronology (the case's coordinators with the compartment)",
        params: CaseIdParams,
        body: ClassificationBody,
        response: { 200: ClassificationResponse },
      },
      async (access, ctx, request) => ({
        version: await updateClassification(ctx, access, request.body),
      }),
    );

    route.post(
      '/api/break-glass',
      {
        policy: 'records.breakGlass',
        summary:
          'Open a case one is not a member of: written reason + second factor, 60 minutes, audited, other coordinators notified',
        body: BreakGlassBody,
        response: { 201: BreakGlassResponse },
      },
      async (request, reply) => {
        const granted = await service.breakGlass(contextOf(request), request.body);
        if (!granted) throw new AppError('not_found');
        return reply
          .code(201)
          .send({ caseId: granted.caseId, expiresAt: granted.expiresAt.toISOString() });
      },
    );
  };
