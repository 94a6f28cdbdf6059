import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { findPersonAccess } from '../../access/person-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { findPossibleDuplicates } from './duplicates.ts';
import * as edit from './edit.ts';
import { mergePersons, type PersonContext } from './merge.ts';
import * as queries from './queries.ts';
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
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['persons'];
    const userOf = (request: FastifyRequest): CurrentUser => {
      if (!request.session) throw new AppError('unauthenticated');
      return request.session.user;
    };
    const ctx = (request: FastifyRequest): PersonContext => ({
      db: app.database.db,
      keys: options.keys,
      user: userOf(request),
      requestId: request.id,
    });

    app.get(
      '/api/persons/:id',
      {
        config: { policy: 'records.read', record: 'person' },
        schema: {
          tags,
          summary: 'One person, for members of a case the person is part of (404 for others)',
          params: PersonIdParams,
          response: { 200: PersonSchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        const access = await findPersonAccess(app.database.db, user, request.params.id);
        if (!access) throw new AppError('not_found');
        return app.database.db.transaction().execute(async (trx) => {
          const loaded = await queries.loadPerson(trx, options.keys.secret, user, access.personId);
          if (!loaded) throw new AppError('not_found');
          const read = recordEvent(user, access, {
            action: 'read',
            resourceType: 'person',
            resourceId: access.personId,
            subjectPersonId: access.personId,
            purpose: edit.purposeOf(access),
            requestId: request.id,
            details: {
              viaCaseId: access.viaCaseId,
              viaInquiryId: access.viaInquiryId,
            },
          });
          // Each related person shown (name and relation) is a read of their data too.
          const related = loaded.relations.map((r) =>
            recordEvent(user, r.access, {
              action: 'read',
              resourceType: 'person',
              resourceId: r.personId,
              subjectPersonId: r.personId,
              purpose: edit.purposeOf(r.access),
              requestId: request.id,
              details: { field: 'relation', viaPersonId: access.personId },
            }),
          );
          await writeAudit(trx, options.keys.audit, [read, ...related]);
          return loaded.person;
        });
      },
    );

    app.patch(
      '/api/persons/:id',
      {
        config: { policy: 'records.read', record: 'person' },
        schema: {
          tags,
          summary:
            'Change the details of a person one may see (version for optimistic locking; a CPR number is validated)',
          params: PersonIdParams,
          body: UpdatePersonBody,
          response: { 200: PersonVersionSchema },
        },
      },
      async (request) => edit.updatePerson(ctx(request), request.params.id, request.body),
    );

    app.post(
      '/api/persons/possible-duplicates',
      {
        config: { policy: 'inquiries.create' },
        schema: {
          tags,
          summary:
            'Possible duplicates while registering: same CPR number, or same birth date and a similar name (POST: a CPR number never goes in a URL)',
          body: DuplicatesBody,
          response: { 200: DuplicatesSchema },
        },
      },
      async (request) =>
        findPossibleDuplicates(
          app.database.db,
          options.keys,
          userOf(request),
          request.body,
          request.id,
        ),
    );

    app.post(
      '/api/persons/:id/cpr',
      {
        config: { policy: 'records.read', record: 'person' },
        schema: {
          tags,
          summary:
            "The person's full CPR number, for those who may see the person (audited; null when none)",
          params: PersonIdParams,
          response: { 200: CprSchema },
        },
      },
      async (request) => edit.unmaskCpr(ctx(request), request.params.id),
    );

    app.post(
      '/api/persons/:id/merge',
      {
        config: { policy: 'persons.merge', record: 'person' },
        schema: {
          tags,
          summary:
            'Merge this registration into another of the same person (links move, blanks are filled, audited)',
          params: PersonIdParams,
          body: MergeBody,
          response: { 200: MergeResultSchema },
        },
      },
      async (request) => mergePersons(ctx(request), request.params.id, request.body),
    );

    app.post(
      '/api/persons/:id/relations',
      {
        config: { policy: 'records.read', record: 'person' },
        schema: {
          tags,
          summary: 'Record how another person (also visible to the caller) is related to this one',
          params: PersonIdParams,
          body: RelationBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await edit.addRelation(ctx(request), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/api/persons/:id/relations/:relatedPersonId',
      {
        config: { policy: 'records.read', record: 'person' },
        schema: {
          tags,
          summary: 'Remove the relation between two persons (both directions)',
          params: RelationParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await edit.removeRelation(ctx(request), request.params.id, request.params.relatedPersonId);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/persons/:id/access-report',
      {
        config: { policy: 'records.accessReport', record: 'person' },
        schema: {
          tags,
          summary:
            "Every access to the person's data: when, what, purpose and unit (employee names for the data-protection role only)",
          params: PersonIdParams,
          querystring: AccessReportQuery,
          response: { 200: AccessReportSchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        const db = app.database.db;
        const header = await queries.findPersonHeader(db, request.params.id);
        const dataProtection =
          !!header &&
          user.roles.includes('data_protection') &&
          user.municipalityCode === header.municipality_code;
        // The data-protection role answers citizens' requests for the whole municipality; a
        // coordinator only for persons they may see.
        const access = dataProtection ? null : await findPersonAccess(db, user, request.params.id);
        if (!header || (!dataProtection && !access)) throw new AppError('not_found');
        const person = { id: header.id, municipalityCode: header.municipality_code };
        return db.transaction().execute(async (trx) => {
          const page = await queries.accessReportPage(trx, person, {
            after: request.query.after,
            limit: request.query.limit,
            withNames: dataProtection,
          });
          await writeAudit(
            trx,
            options.keys.audit,
            recordEvent(
              user,
              access ?? {
                municipalityCode: header.municipality_code,
                unitId: user.unitIds[0] ?? null,
                breakGlass: false,
              },
              {
                action: 'export',
                resourceType: 'access_report',
                resourceId: header.id,
                subjectPersonId: header.id,
                purpose: PURPOSES.accessReport,
                requestId: request.id,
                details: { entries: page.items.length, employeeNames: dataProtection },
              },
            ),
          );
          return {
            person: {
              id: header.id,
              name: `${header.given_name} ${header.family_name}`,
              birthDate: header.birth_date,
            },
            municipalityCode: header.municipality_code,
            generatedAt: new Date().toISOString(),
            employeeNamesShown: dataProtection,
            ...page,
          };
        });
      },
    );
  };
