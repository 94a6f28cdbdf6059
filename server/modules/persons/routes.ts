import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { findPersonAccess } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import * as queries from './queries.ts';
import { AccessReportQuery, AccessReportSchema, PersonIdParams, PersonSchema } from './schema.ts';

/**
 * Persons as records: read (need-to-know through a case) and the citizen's access report.
 * Intake, search, duplicates and merge arrive with the inquiries issue.
 */
export const personRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['persons'];
    const userOf = (request: FastifyRequest): CurrentUser => {
      if (!request.session) throw new AppError('unauthenticated');
      return request.session.user;
    };

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
          const person = await queries.loadPerson(trx, options.keys.secret, user, access.personId);
          if (!person) throw new AppError('not_found');
          await writeAudit(
            trx,
            options.keys.audit,
            recordEvent(user, access.via, {
              action: 'read',
              resourceType: 'person',
              resourceId: access.personId,
              subjectPersonId: access.personId,
              purpose: access.via.breakGlass ? PURPOSES.breakGlass : PURPOSES.caseWork,
              requestId: request.id,
              details: { viaCaseId: access.via.caseId },
            }),
          );
          return person;
        });
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
              access?.via ?? {
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
