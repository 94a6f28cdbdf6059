import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { exportsOf, takeExport } from './archive.ts';
import { dryRun } from './due.ts';
import { holdsOf, liftHold, placeHold } from './holds.ts';
import { deleteRecordNow } from './job.ts';
import { changePeriod, getPeriods } from './periods.ts';
import {
  ArchiveExportSchema,
  ArchiveExportsSchema,
  DeleteRecordBody,
  DeleteResultSchema,
  DryRunSchema,
  LegalHoldParams,
  LegalHoldsSchema,
  LiftLegalHoldBody,
  PlaceLegalHoldBody,
  RetentionKindParams,
  RetentionPeriodsSchema,
  TakeExportBody,
  UpdateRetentionPeriodBody,
} from './schema.ts';

/**
 * Retention (docs/RETENTION.md): the municipality's periods (Administration → Indstillinger),
 * the dry-run of the next daily run, legal holds, the archival exports and deleting one due
 * record now. Every route reads and writes the caller's own municipality only; the periods are
 * read by whoever reads the settings, everything else is the administrator's (`settings.edit`).
 */
export const retentionRoutes =
  (options: { keys: ContextKeys; archiveDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['retention']);
    const contextOf = contextFor(app, options.keys);
    const own = (ctx: RequestContext) => {
      if (!ctx.user.municipalityCode) throw new AppError('not_found');
      return ctx.user.municipalityCode;
    };

    route.get(
      '/api/admin/retention/periods',
      {
        policy: 'settings.read',
        summary: "The municipality's retention periods per kind of record (defaults unconfirmed)",
        response: { 200: RetentionPeriodsSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        return { items: await getPeriods(ctx.db, own(ctx)) };
      },
    );

    route.put(
      '/api/admin/retention/periods/:kind',
      {
        policy: 'settings.edit',
        summary:
          'Change one retention period (optimistic locking; version 0 while on the default); shorter than the confirmed minimum is refused',
        params: RetentionKindParams,
        body: UpdateRetentionPeriodBody,
        response: { 200: RetentionPeriodsSchema },
      },
      async (request) => ({
        items: await changePeriod(contextOf(request), request.params.kind, request.body),
      }),
    );

    route.get(
      '/api/admin/retention/dry-run',
      {
        policy: 'settings.edit',
        summary:
          'What the next daily run would delete and why: records whose period has ended, with the export taken, a legal hold or an unconfirmed period',
        response: { 200: DryRunSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const code = own(ctx);
        return ctx.db.transaction().execute(async (trx) => {
          const result = await dryRun(trx, code, new Date());
          await writeAudit(trx, ctx.keys.audit, {
            municipalityCode: code,
            actorUserId: ctx.user.id,
            actorRole: 'municipal_admin',
            action: 'read',
            resourceType: 'retention_dry_run',
            requestId: ctx.requestId,
            details: { records: result.items.length },
          });
          return result;
        });
      },
    );

    route.get(
      '/api/admin/retention/holds',
      {
        policy: 'settings.edit',
        summary: "The municipality's legal holds, active first",
        response: { 200: LegalHoldsSchema },
      },
      async (request) => holdsOf(contextOf(request)),
    );

    route.post(
      '/api/admin/retention/holds',
      {
        policy: 'settings.edit',
        summary: 'Place a legal hold on a case or an inquiry (idempotent by the client-chosen id)',
        body: PlaceLegalHoldBody,
        response: { 200: LegalHoldsSchema },
      },
      async (request) => placeHold(contextOf(request), request.body),
    );

    route.post(
      '/api/admin/retention/holds/:id/lift',
      {
        policy: 'settings.edit',
        summary: 'Lift a legal hold, with a reason (optimistic locking)',
        params: LegalHoldParams,
        body: LiftLegalHoldBody,
        response: { 200: LegalHoldsSchema },
      },
      async (request) => liftHold(contextOf(request), request.params.id, request.body),
    );

    route.get(
      '/api/admin/retention/exports',
      {
        policy: 'settings.edit',
        summary: 'The archival exports taken (arkiveringsversioner), newest first',
        response: { 200: ArchiveExportsSchema },
      },
      async (request) => exportsOf(contextOf(request)),
    );

    route.post(
      '/api/admin/retention/exports',
      {
        policy: 'settings.edit',
        summary:
          'Take the archival export of every record whose period has ended and is not yet delivered (idempotent by id)',
        body: TakeExportBody,
        response: { 200: ArchiveExportSchema },
      },
      async (request) => takeExport(contextOf(request), options.archiveDir, request.body.id),
    );

    route.post(
      '/api/admin/retention/delete',
      {
        policy: 'settings.edit',
        summary:
          'Delete one due record now (the daily job’s rule); refused under a legal hold or when not due',
        body: DeleteRecordBody,
        response: { 200: DeleteResultSchema },
      },
      async (request) => deleteRecordNow(contextOf(request), request.body),
    );
  };
