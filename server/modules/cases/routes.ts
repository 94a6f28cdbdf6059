import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { grantCaseAccess } from '../../access/records.ts';
import type { ContextKeys } from '../../platform/context.ts';
import { caseRouteKit } from './case-work.ts';
import * as chronology from './chronology.ts';
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

/**
 * Cases as records: list, read, membership and break-the-glass. Every read of personal data
 * writes its audit entries in the same transaction as the read itself. The rest of case work
 * (assessment, plan, interventions) arrives with its own issue.
 */
export const caseRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    const { contextOf, accessOr404 } = caseRouteKit(app, options.keys);

    app.get(
      '/api/cases',
      {
        config: { policy: 'records.read' },
        schema: {
          tags,
          summary: 'The cases the caller is a member of (or holds a break-the-glass grant for)',
          querystring: CaseListQuery,
          response: { 200: CaseListSchema },
        },
      },
      async (request) => {
        const { db, user, keys, requestId } = contextOf(request);
        return db.transaction().execute(async (trx) => {
          const { municipalityOf, unitOf, ...list } = await queries.listCases(
            trx,
            user,
            request.query,
          );
          // Each citizen shown is a search hit on their personal data.
          const events = list.items.flatMap((item) =>
            item.citizen
              ? [
                  recordEvent(
                    user,
                    {
                      municipalityCode: municipalityOf.get(item.id) ?? '',
                      unitId: unitOf.get(item.id) ?? user.unitIds[0] ?? null,
                      breakGlass: item.breakGlass,
                    },
                    {
                      action: 'search',
                      resourceType: 'case',
                      resourceId: item.id,
                      subjectPersonId: item.citizen.id,
                      purpose: PURPOSES.caseList,
                      requestId,
                    },
                  ),
                ]
              : [],
          );
          await writeAudit(trx, keys.audit, events);
          return list;
        });
      },
    );

    app.get(
      '/api/cases/:id',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary: 'One case as the caller may see it (404 for non-members)',
          params: CaseIdParams,
          response: { 200: CaseDetailSchema },
        },
      },
      async (request) => {
        const { db, user, keys, requestId } = contextOf(request);
        const access = await accessOr404(request, request.params.id);
        return db.transaction().execute(async (trx) => {
          const detail = await queries.loadCase(trx, access);
          if (!detail) throw new AppError('not_found');
          const read = (subjectPersonId: string | null) =>
            recordEvent(user, access, {
              action: 'read',
              resourceType: 'case',
              resourceId: access.caseId,
              subjectPersonId,
              purpose: access.breakGlass ? PURPOSES.breakGlass : PURPOSES.caseWork,
              requestId,
              details: { compartment: access.compartment },
            });
          const events =
            detail.persons.length > 0 ? detail.persons.map((p) => read(p.id)) : [read(null)];
          await writeAudit(trx, keys.audit, events);
          grantCaseAccess(request, access);
          return detail;
        });
      },
    );

    app.post(
      '/api/cases/:id/members',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary: "Add a member to the case (the case's coordinators only)",
          params: CaseIdParams,
          body: AddMemberBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        await service.addMember(contextOf(request), access, request.body);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/cases/:id/members/:userId',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary: "Remove a member from the case (the case's coordinators only)",
          params: MemberParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        await service.removeMember(contextOf(request), access, request.params.userId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/cases/:id/chronology',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "The case's chronology, newest first, filterable by kind and author (members with the whole case)",
          params: CaseIdParams,
          querystring: ChronologyQuery,
          response: { 200: ChronologySchema },
        },
      },
      async (request) => {
        const { db, user, keys, requestId } = contextOf(request);
        const access = await accessOr404(request, request.params.id);
        requireCaseAbility(access, 'notes', 'read');
        return db.transaction().execute(async (trx) => {
          const page = await chronology.loadChronology(trx, access, request.query);
          const persons = await chronology.casePersonIds(trx, access);
          await writeAudit(
            trx,
            keys.audit,
            chronology.perPerson(persons, (subjectPersonId) =>
              recordEvent(user, access, {
                action: 'read',
                resourceType: 'case',
                resourceId: access.caseId,
                subjectPersonId,
                purpose: access.breakGlass ? PURPOSES.breakGlass : PURPOSES.caseWork,
                requestId,
                details: { chronology: true, compartment: access.compartment },
              }),
            ),
          );
          grantCaseAccess(request, access);
          return page;
        });
      },
    );

    app.post(
      '/api/cases/:id/notes',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            'Add a note to the chronology (members with the whole case; a compartment note needs the compartment)',
          params: CaseIdParams,
          body: NoteBody,
          response: { 201: NoteResponse },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const id = await chronology.addNote(contextOf(request), access, request.body);
        return reply.code(201).send({ id });
      },
    );

    app.post(
      '/api/cases/:id/status',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "Set the case on hold (reason, optional date) or resume it (the case's coordinators only)",
          params: CaseIdParams,
          body: StatusBody,
          response: { 200: StatusResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const version = await chronology.setStatus(contextOf(request), access, request.body);
        return { version };
      },
    );

    app.patch(
      '/api/cases/:id/classification',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "Edit the case's classification, with history in the chronology (the case's coordinators with the compartment)",
          params: CaseIdParams,
          body: ClassificationBody,
          response: { 200: ClassificationResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const version = await updateClassification(contextOf(request), access, request.body);
        return { version };
      },
    );

    app.post(
      '/api/break-glass',
      {
        config: { policy: 'records.breakGlass' },
        schema: {
          tags,
          summary:
            'Open a case one is not a member of: written reason + second factor, 60 minutes, audited, other coordinators notified',
          body: BreakGlassBody,
          response: { 201: BreakGlassResponse },
        },
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
