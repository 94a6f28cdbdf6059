import type { Kysely } from 'kysely';
import { RETENTION_KINDS, type RetentionKind } from '../../../shared/retention.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { DEFAULT_PERIODS } from './defaults.ts';
import { findPeriodRows, insertPeriodRow, updatePeriodRow } from './queries-periods.ts';
import type { RetentionPeriod, UpdateRetentionPeriod } from './schema.ts';

/**
 * The municipality's retention periods (docs/RETENTION.md): saved rows, else the product's
 * defaults (version 0, unconfirmed). Read by the settings page, the dry-run and the daily job.
 */
export async function getPeriods(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<RetentionPeriod[]> {
  const rows = new Map((await findPeriodRows(db, municipalityCode)).map((r) => [r.kind, r]));
  return RETENTION_KINDS.map((kind) => {
    const fallback = DEFAULT_PERIODS[kind];
    const row = rows.get(kind);
    return {
      kind,
      months: row?.months ?? fallback.months,
      minimumMonths: row?.minimum_months ?? 0,
      countedFrom: fallback.from,
      defaultMonths: fallback.months,
      confirmed: row?.confirmed ?? false,
      version: row?.version ?? 0,
    };
  });
}

/**
 * The administrator changes one period: optimistic locking (version 0 while on the default); a
 * period shorter than the municipality's confirmed minimum (the one saved, or the one sent) is
 * refused on the field with the minimum named, and nothing is stored; audited in the same
 * transaction.
 */
export async function changePeriod(
  ctx: RequestContext,
  kind: RetentionKind,
  body: UpdateRetentionPeriod,
): Promise<RetentionPeriod[]> {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await getPeriods(trx, code)).find((p) => p.kind === kind);
    const version = current?.version ?? 0;
    requireVersion(version, body.version);
    const savedMinimum = current?.confirmed ? (current.minimumMonths ?? 0) : 0;
    const minimum = Math.max(savedMinimum, body.minimumMonths);
    if (body.months < minimum) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.months', code: 'period_below_minimum', params: { minimum } }],
      });
    }
    const values = {
      months: body.months,
      minimum_months: body.minimumMonths,
      confirmed: body.confirmed,
    };
    const saved =
      version === 0
        ? await insertPeriodRow(trx, code, kind, ctx.user.id, values)
        : await updatePeriodRow(trx, code, kind, version, ctx.user.id, values);
    if (!saved) throw staleVersion(version);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'retention_period',
      resourceId: kind,
      requestId: ctx.requestId,
      details: { kind, months: body.months, confirmed: body.confirmed },
    });
  });
  return getPeriods(ctx.db, code);
}
